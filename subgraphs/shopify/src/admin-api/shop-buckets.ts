import { ThrottleBucket, type ThrottleStatus } from './throttle-bucket.ts';

/**
 * Shopify's Standard plan until the first answer says otherwise. Starting at full would let a cold
 * process fire more than the bucket holds when another process already drained it; the first answer
 * corrects us either way.
 */
const STANDARD_PLAN: ThrottleStatus = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 };

// Process-wide on purpose: the bucket belongs to the shop, not to a request or a client.
const buckets = new Map<string, ThrottleBucket>();

/** The one bucket model of `shop` in this process. */
export function bucketForShop(shop: string): ThrottleBucket {
  let bucket = buckets.get(shop);
  if (!bucket) {
    bucket = new ThrottleBucket(STANDARD_PLAN);
    buckets.set(shop, bucket);
  }
  return bucket;
}
