import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, type DatabaseHandle, type MigrationSet } from '@ionflux/kit/db';
import { createEventBus, type EventBus } from '@ionflux/kit/events';
import { type ConnectionHealth, createConnectionHealth, registerHealthMetrics } from '@ionflux/kit/health';
import { createJobQueue, type JobQueue, registerQueueMetrics } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import { createMetrics, type ServiceMetrics } from '@ionflux/kit/metrics';
import { createTracing, type Tracing } from '@ionflux/kit/tracing';
import type { WebhookSource } from '@ionflux/kit/webhooks';
import { type AdminApiDeps, createAdminApiDeps } from './admin-api/index.ts';
import type { ShopifyWorkerConfig } from './config.ts';
import { createShopifyOAuth, loadShopifyOAuthBase, type ShopifyOAuth } from './oauth/index.ts';
import { shopifyProvider } from './registration.ts';
import { createShopifyWebhookSource } from './webhooks/index.ts';

/** The table sets the Shopify services use, migrated by whichever process starts first. */
export const SHOPIFY_MIGRATIONS: readonly MigrationSet[] = [migrationSet('kit'), migrationSet('shopify')];

/** Log paths blanked besides the kit's: the Admin API's credential header. */
export const SHOPIFY_LOG_REDACTIONS = ['req.headers["x-shopify-access-token"]'] as const;

/** What exists only when the app's credentials and the master key are configured. */
export interface ShopifyApp {
  /** Connecting stores: the kit's OAuth deps over the services' pool and bus, and where callbacks go. */
  oauth: ShopifyOAuth;
  /** Reading stores: the Admin API client, the shops' bucket models, the grant-URL key. */
  admin: AdminApiDeps;
  /** Verifies deliveries to `/webhooks/shopify`; the job worker's task applies what it stored. */
  webhookSource: WebhookSource;
  /** Where the webhook route enqueues (in the transaction that stores the delivery). */
  queue: JobQueue;
  /** Records Admin calls and token refreshes per connection; health and its notifications follow. */
  health: ConnectionHealth;
}

/** What the Shopify subgraph builds once at start and every request, route and job shares. */
export interface ShopifyServices {
  config: ShopifyWorkerConfig;
  logger: Logger;
  /**
   * The process's one pool: drizzle (`db`) and the kit's SQL (`sql`) alike, since the kit binds and reads
   * timestamps in a form drizzle's wrapping leaves alone.
   */
  database: DatabaseHandle;
  bus: EventBus;
  /** The process's Prometheus registry: the subgraph serves it on `/metrics`. */
  metrics: ServiceMetrics;
  /** The process's tracing (`OTEL_EXPORTER_OTLP_ENDPOINT`): Admin API calls are spans of it. */
  tracing: Tracing;
  /** Absent when `SHOPIFY_API_KEY`, `SHOPIFY_API_SECRET` or `IONFLUX_MASTER_KEY` is not set. */
  app: ShopifyApp | undefined;
  close(): Promise<void>;
}

/**
 * Builds the services from the config, after the caller migrated `SHOPIFY_MIGRATIONS`: the app
 * credentials and the master key through the secrets provider, one pool, the event bus, and when the
 * app is configured its OAuth deps, Admin API client, webhook source and job queue. The subgraph mounts
 * its routes and resolvers on them; a worker process starts its job worker on them.
 */
export async function createShopifyServices(
  config: ShopifyWorkerConfig,
  options: { logger: Logger; metrics?: ServiceMetrics },
): Promise<ShopifyServices> {
  const { logger } = options;
  const metrics = options.metrics ?? createMetrics('shopify');
  const tracing = createTracing({ service: 'shopify', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, logger });
  const { registry } = metrics;
  const base = await loadShopifyOAuthBase(config);
  // Room for the OAuth refreshes, which hold a connection while they call Shopify, beside the reads.
  const database = connectDatabase(config.DATABASE_URL, {
    applicationName: 'ionflux-shopify',
    maxConnections: 14,
  });
  let bus: EventBus | undefined;
  let queue: (JobQueue & { close(): Promise<void> }) | undefined;
  let health: ConnectionHealth | undefined;
  try {
    bus = await createEventBus({ url: config.IONFLUX_EVENT_BUS, sql: database.sql, logger });
    let app: ShopifyApp | undefined;
    if (base) {
      health = createConnectionHealth({
        sql: database.sql,
        bus,
        logger,
        settings: config,
        providers: { [shopifyProvider.id]: shopifyProvider },
        onTransition: registerHealthMetrics(registry, database.sql, logger),
      });
      const oauth = createShopifyOAuth(base, { sql: database.sql, bus, logger, registry, health }, config);
      const admin = createAdminApiDeps(
        oauth.deps,
        config,
        logger,
        { startUrl: oauth.startUrl, key: oauth.signingKey, ttlMs: oauth.grantUrlTtlMs },
        registry,
        health,
        tracing,
      );
      const webhookSource = createShopifyWebhookSource(oauth.apiSecret, {
        maxAgeMs: config.SHOPIFY_WEBHOOK_MAX_AGE_SECONDS * 1000,
      });
      queue = await createJobQueue({ databaseUrl: config.DATABASE_URL, logger });
      registerQueueMetrics(registry, database.sql, logger);
      app = { oauth, admin, webhookSource, queue, health };
    } else {
      logger.warn(
        'SHOPIFY_API_KEY, SHOPIFY_API_SECRET or IONFLUX_MASTER_KEY is not set: connecting Shopify is disabled',
      );
    }
    const opened = { bus, queue };
    return {
      config,
      logger,
      database,
      bus,
      metrics,
      tracing,
      app,
      async close() {
        await app?.health.close();
        await opened.queue?.close();
        await app?.admin.http.close();
        await opened.bus.close();
        await database.close();
        await tracing.close();
      },
    };
  } catch (error) {
    await health?.close();
    await queue?.close();
    await bus?.close();
    await database.close();
    throw error;
  }
}
