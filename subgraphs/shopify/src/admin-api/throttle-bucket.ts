import { setTimeout as sleep } from 'node:timers/promises';

/** What Shopify reports in `extensions.cost.throttleStatus` after every call. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * A local model of one shop's Admin leaky bucket, shared by every request of this process to that shop.
 * Callers take their requested cost out before sending and wait, in arrival order, while the model says
 * the bucket cannot hold it: a request that would be THROTTLED is never sent. Shopify's own figure
 * (`throttleStatus`) corrects the model after each call; the lower of the two wins, because other
 * processes (or apps sharing the app's bucket) spend points we never see.
 */
export class ThrottleBucket {
  #status: ThrottleStatus;
  #available: number;
  #at: number;
  #queue: Promise<void> = Promise.resolve();
  readonly #now: () => number;

  constructor(initial: ThrottleStatus, now: () => number = () => performance.now()) {
    this.#status = initial;
    this.#available = initial.currentlyAvailable;
    this.#now = now;
    this.#at = now();
  }

  /** Points the model thinks are available now (leaked back since the last change). */
  available(): number {
    const elapsedS = (this.#now() - this.#at) / 1000;
    return Math.min(this.#status.maximumAvailable, this.#available + elapsedS * this.#status.restoreRate);
  }

  /**
   * Waits until `cost` points are available, then takes them. FIFO: a large request is not starved by a
   * stream of small ones arriving after it.
   */
  acquire(cost: number, signal?: AbortSignal): Promise<void> {
    const wanted = Math.min(cost, this.#status.maximumAvailable);
    const turn = this.#queue.then(async () => {
      for (;;) {
        const missing = wanted - this.available();
        if (missing <= 0) break;
        await sleep(Math.ceil((missing / this.#status.restoreRate) * 1000), undefined, { signal });
      }
      this.#set(this.available() - wanted);
    });
    // A caller that gave up must not block the queue for everyone after it.
    this.#queue = turn.catch(() => {});
    return turn;
  }

  /** Gives back what a call did not spend (requested minus actual cost), as Shopify refunds it. */
  refund(points: number): void {
    if (points > 0) this.#set(this.available() + points);
  }

  /** Adopts Shopify's figure when it is lower than ours (others spend from the same bucket). */
  observe(status: ThrottleStatus): void {
    const limitsChanged =
      status.maximumAvailable !== this.#status.maximumAvailable ||
      status.restoreRate !== this.#status.restoreRate;
    const current = this.available();
    this.#status = status;
    if (limitsChanged || status.currentlyAvailable < current)
      this.#set(Math.min(current, status.currentlyAvailable));
  }

  #set(points: number): void {
    this.#available = Math.min(this.#status.maximumAvailable, points);
    this.#at = this.#now();
  }
}

/**
 * Shopify's Standard plan until the first answer says otherwise. Starting at full would let a cold
 * process fire more than the bucket holds when another process already drained it; the first answer
 * corrects us either way.
 */
const STANDARD_PLAN: ThrottleStatus = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 };

/**
 * The bucket model of each shop a process talks to: the bucket belongs to the shop, not to a request or
 * a client, so the subgraph's services hold one of these for every request.
 */
export class ShopBuckets {
  readonly #buckets = new Map<string, ThrottleBucket>();

  /** The one bucket model of `shop`. */
  forShop(shop: string): ThrottleBucket {
    let bucket = this.#buckets.get(shop);
    if (!bucket) {
      bucket = new ThrottleBucket(STANDARD_PLAN);
      this.#buckets.set(shop, bucket);
    }
    return bucket;
  }
}
