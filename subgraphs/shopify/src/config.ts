import {
  commonEnv,
  optionalString,
  parseEnv,
  portVar,
  requireIdentityKey,
  subgraphEnv,
} from '@ionflux/kit/config';
import { connectionHealthEnv } from '@ionflux/kit/health';
import { kitMaintenanceEnv } from '@ionflux/kit/jobs';
import { secretsEnv } from '@ionflux/kit/secrets';
import { webhookProcessingEnv } from '@ionflux/kit/webhooks';
import { z } from 'zod';

/** What the Shopify services read, whichever process runs them (the subgraph or a worker). */
const shopifyServicesEnv = {
  ...commonEnv,
  DATABASE_URL: subgraphEnv.DATABASE_URL,
  IONFLUX_EVENT_BUS: subgraphEnv.IONFLUX_EVENT_BUS,
  ...secretsEnv,
  // The job worker runs the kit's retention jobs (OAuth states, events).
  ...kitMaintenanceEnv,
  ...webhookProcessingEnv,
  // Health of connections (spec 4.E) from the Admin API calls and token refreshes made through them.
  ...connectionHealthEnv,
  // The app's credentials and the master key are read through the secrets provider; with the default
  // `env` provider these are where it finds them.
  SHOPIFY_API_KEY: optionalString(),
  SHOPIFY_API_SECRET: optionalString(),
  IONFLUX_MASTER_KEY: optionalString(),
  IONFLUX_MASTER_KEYS_PREVIOUS: optionalString(),
  /** Admin API version the app speaks. @default '2025-04' */
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .default('2025-04'),
  /** Where a shop's admin lives; the sandbox serves `${sandbox}/store/{shop}`. @default 'https://{shop}' */
  SHOPIFY_ADMIN_ORIGIN: z.string().includes('{shop}').default('https://{shop}'),
  /** The public origin (the gateway's) that OAuth callbacks and webhooks are addressed to. @default 'http://localhost:4000' */
  IONFLUX_PUBLIC_URL: z.url().default('http://localhost:4000'),
  /** Where the browser lands after the OAuth callback when the start named no return URL; unset → a plain result page. */
  SHOPIFY_OAUTH_RETURN_URL: optionalString(),
  /**
   * How long a `SCOPE_REQUIRED` grant URL (a signed ticket on `/oauth/shopify/start`) stays usable.
   * @default 86400 (24 h)
   */
  SHOPIFY_GRANT_URL_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  /**
   * A webhook whose `X-Shopify-Triggered-At` is older than this is refused (400, nothing stored). Shopify
   * retries for 4 hours and warns that deliveries can be a day late. @default 172800 (48 h)
   */
  SHOPIFY_WEBHOOK_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(172_800),
  /** Batch product lookups into `nodes(ids:)`; `false` only to measure the difference. @default true */
  SHOPIFY_ADMIN_BATCH: z.stringbool().default(true),
  /**
   * The Admin API client's circuit breaker per shop host: open after this many failed attempts in a row
   * (5xx, timeouts, connection errors), try again after `SHOPIFY_BREAKER_HALF_OPEN_MS`. @default 5, 30000
   */
  SHOPIFY_BREAKER_FAILURES: z.coerce.number().int().positive().default(5),
  SHOPIFY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * Deliveries arriving together are stored by one transaction (group commit, each answered after the
   * commit that stored it); `false`: one transaction per delivery. @default true
   */
  SHOPIFY_WEBHOOK_BATCH: z.stringbool().default(true),
  /** Read stores with bulk operations (pages when one fails); `false` reads with pages only. @default true */
  SHOPIFY_SYNC_BULK: z.stringbool().default(true),
  /** When every connected store is reconciled (crontab, UTC). @default '*\/15 * * * *' */
  SHOPIFY_SYNC_CRON: z.string().min(9).default('*/15 * * * *'),
  /**
   * A reconciliation re-reads what changed since the last completed sync minus this (webhooks can be
   * lost or a day late). @default 3600
   */
  SHOPIFY_SYNC_OVERLAP_SECONDS: z.coerce.number().int().nonnegative().default(3600),
  /** How often a running bulk operation is polled. @default 2000 */
  SHOPIFY_BULK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  /** A bulk operation still running after this is given up for pages. @default 3600 */
  SHOPIFY_BULK_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(3600),
  /** When the webhook subscriptions of every connected store are checked and re-created. @default '*\/30 * * * *' */
  SHOPIFY_WEBHOOKS_RECONCILE_CRON: z.string().min(9).default('*/30 * * * *'),
  /** Jobs (webhook deliveries, syncs) one worker process runs at once. @default 8 */
  SHOPIFY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
};

const shopifyWorkerEnvSchema = z.object(shopifyServicesEnv);

const shopifyEnvSchema = z.object({
  ...subgraphEnv,
  ...shopifyServicesEnv,
  SHOPIFY_SUBGRAPH_PORT: portVar(4002),
  /**
   * Whether the subgraph process also runs the job worker (webhook processing, the kit's retention
   * jobs). `false` when workers run as processes of their own (`npm run worker -w subgraphs/shopify`).
   * @default true
   */
  SHOPIFY_WORKER_IN_PROCESS: z.stringbool().default(true),
});

/** The Shopify worker process's env (`npm run worker -w subgraphs/shopify`): no port, no identity key. */
export type ShopifyWorkerConfig = z.output<typeof shopifyWorkerEnvSchema>;

export type ShopifyConfig = z.output<typeof shopifyEnvSchema>;

/** Reads the Shopify subgraph's env once, failing with every bad key named. */
export function parseShopifyConfig(env: Readonly<Record<string, string | undefined>>): ShopifyConfig {
  return parseEnv('shopify subgraph', requireIdentityKey(shopifyEnvSchema), env);
}

/** Reads the Shopify worker's env once, failing with every bad key named. */
export function parseShopifyWorkerConfig(
  env: Readonly<Record<string, string | undefined>>,
): ShopifyWorkerConfig {
  return parseEnv('shopify worker', shopifyWorkerEnvSchema, env);
}
