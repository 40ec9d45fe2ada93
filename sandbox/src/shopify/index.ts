import type { AddressInfo } from 'node:net';
import { buildAdminSchema, SCHEMA_API_VERSION } from './admin/admin-schema.ts';
import { type BucketLimits, LeakyBucket } from './admin/leaky-bucket.ts';
import { BulkRunner } from './bulk/bulk-runner.ts';
import { FaultInjector } from './control/fault-injector.ts';
import { RequestLog } from './control/request-log.ts';
import { ShopifyControl } from './control/shopify-control.ts';
import { ShopRegistry } from './data/shop-registry.ts';
import { DEFAULT_SCALE, type ShopScale } from './data/shop-state.ts';
import { TokenRegistry } from './oauth/token-registry.ts';
import { createServer } from './server.ts';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts';

export { ADMIN_SCHEMA_PATH, SCHEMA_API_VERSION } from './admin/admin-schema.ts';
// The cost Shopify's calculator charges an operation: lets a client's cost bound be checked against it.
export type { CostInput } from './admin/query-cost.ts';
export { queryCost } from './admin/query-cost.ts';
export type {
  ComplianceTopic,
  CreateOrderInput,
  CreateProductInput,
  InventoryChange,
  ShopChange,
} from './control/control-types.ts';
export type { ActiveFault, FaultRule } from './control/fault-injector.ts';
export type { LoggedRequest } from './control/request-log.ts';
export { queryMessage, signQuery } from './oauth/query-hmac.ts';
export { signBody } from './webhooks/sign-body.ts';
export type { Delivery } from './webhooks/webhook-dispatcher.ts';

/** The seeded demo shop. */
export const DEMO_SHOP = 'ionflux-demo.myshopify.com';
/** Shopify's schedule: 8 retries over about 4 hours. */
export const SHOPIFY_RETRY_DELAYS_MS = [
  60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000,
];

export interface ShopifySimulatorOptions {
  /** @default 0 (a free port) */ port?: number;
  /** @default '127.0.0.1' */ host?: string;
  /** the app's client id (SHOPIFY_API_KEY) */
  apiKey: string;
  /** the app's secret: OAuth HMAC and webhook HMAC */
  apiSecret: string;
  /** seeded demo data in every shop; @default true */ seed?: boolean;
  /** fixed clock for seeded data, timestamps and token expiry; @default the real clock */ now?: () => Date;
  /** how much data each shop is seeded with; @default 50 products, 300 customers, 2000 orders over 90 days */
  scale?: Partial<ShopScale>;
  /** leaky bucket per shop; @default Standard plan: 2000 points, 100 points/s */
  bucket?: Partial<BucketLimits>;
  /** HTTP status of a THROTTLED answer: Shopify sends 200, some clients meet 429; @default 200 */
  throttledStatus?: 200 | 429;
  /** delay before each webhook retry; @default SHOPIFY_RETRY_DELAYS_MS (use e.g. [10, 20] in tests) */
  webhookRetryDelaysMs?: readonly number[];
  /** @default 5000 */ webhookTimeoutMs?: number;
  /** delete an API-created subscription once a delivery exhausts its retries; @default true */
  deleteSubscriptionOnFailure?: boolean;
  /** when set, authorize accepts only these redirect_uri values */
  allowedRedirectUris?: readonly string[];
  /** the app's compliance webhook URI (`compliance_topics` in shopify.app.toml) */
  complianceWebhookUrl?: string;
  /** shown on the authorize page; @default 'IONFLUX' */ appName?: string;
}

export interface ShopifySimulator extends ShopifyControl {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  /** `${url}/store/{shop}`: what SHOPIFY_ADMIN_ORIGIN is set to */
  adminOriginTemplate: string;
  /** the Admin API version whose schema is served */
  apiVersion: string;
  demoShop: string;
  close(): Promise<void>;
}

export async function startShopifySimulator(options: ShopifySimulatorOptions): Promise<ShopifySimulator> {
  const now = options.now ?? (() => new Date());
  const limits: BucketLimits = { maximumAvailable: 2000, restoreRate: 100, ...options.bucket };
  const shops = new ShopRegistry({
    seed: options.seed ?? true,
    scale: { ...DEFAULT_SCALE, ...options.scale },
    now,
  });
  shops.get(DEMO_SHOP);
  const tokens = new TokenRegistry(now);
  const buckets = new Map<string, LeakyBucket>();
  const bucketFor = (shop: string): LeakyBucket => {
    let bucket = buckets.get(shop);
    if (!bucket) {
      // The bucket leaks in real time even under a fixed `now`, or a frozen clock would never refill it.
      bucket = new LeakyBucket(limits, () => performance.now());
      buckets.set(shop, bucket);
    }
    return bucket;
  };
  const webhooks = new WebhookDispatcher({
    apiSecret: options.apiSecret,
    retryDelaysMs: options.webhookRetryDelaysMs ?? SHOPIFY_RETRY_DELAYS_MS,
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    deleteSubscriptionOnFailure: options.deleteSubscriptionOnFailure ?? true,
    now,
  });
  const schema = buildAdminSchema();
  const bulk = new BulkRunner(schema, webhooks);
  const faults = new FaultInjector();
  const requestLog = new RequestLog();
  let baseUrl = '';
  const deps = {
    bulk,
    shops,
    tokens,
    webhooks,
    faults,
    requestLog,
    bucketFor,
    now,
    baseUrl: () => baseUrl,
    complianceWebhookUrl: options.complianceWebhookUrl,
    apiVersion: SCHEMA_API_VERSION,
  };
  const simulator = new RunningSimulator(deps);
  const app = createServer({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    appName: options.appName ?? 'IONFLUX',
    allowedRedirectUris: options.allowedRedirectUris,
    throttledStatus: options.throttledStatus ?? 200,
    schema,
    shops,
    tokens,
    bucketFor,
    bulk,
    control: simulator,
    faults,
    requestLog,
    now,
    baseUrl: () => baseUrl,
    effects: {
      startBulkQuery: (context, query) => bulk.start(context, query),
      cancelBulkOperation: (context, id) => bulk.cancel(context, id),
    },
  });
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  simulator.url = baseUrl;
  simulator.adminOriginTemplate = `${baseUrl}/store/{shop}`;
  simulator.close = async () => {
    webhooks.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    bulk.close();
  };
  return simulator;
}

class RunningSimulator extends ShopifyControl implements ShopifySimulator {
  url = '';
  adminOriginTemplate = '';
  apiVersion = SCHEMA_API_VERSION;
  demoShop = DEMO_SHOP;
  close: () => Promise<void> = async () => {};
}
