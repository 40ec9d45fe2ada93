import { migrateDatabase } from '@ionflux/kit/db';
import {
  type JobWorker,
  kitMaintenanceCron,
  kitMaintenanceTasks,
  startJobWorker,
  type TaskDefinition,
} from '@ionflux/kit/jobs';
import { createLogger, type Logger } from '@ionflux/kit/logging';
import type { ShopifyWorkerConfig } from './config.ts';
import {
  createShopifyServices,
  SHOPIFY_LOG_REDACTIONS,
  SHOPIFY_MIGRATIONS,
  type ShopifyServices,
} from './services.ts';
import { type SyncSettings, shopifySyncCron, shopifySyncTasks } from './sync/index.ts';
import { webhookSubscriptionCron, webhookSubscriptionTasks } from './webhook-subscriptions/index.ts';
import { shopifyWebhookTask } from './webhooks/index.ts';

/** The sync's settings from the config. */
export function syncSettingsOf(config: ShopifyWorkerConfig): SyncSettings {
  return {
    useBulk: config.SHOPIFY_SYNC_BULK,
    bulkPollMs: config.SHOPIFY_BULK_POLL_MS,
    bulkTimeoutMs: config.SHOPIFY_BULK_TIMEOUT_SECONDS * 1000,
    overlapMs: config.SHOPIFY_SYNC_OVERLAP_SECONDS * 1000,
    batchSize: 250,
  };
}

/**
 * The Shopify job worker over the services: when the app is configured it applies stored webhook
 * deliveries, syncs stores (on connect, on demand, and on `SHOPIFY_SYNC_CRON`), refreshes orders and
 * keeps webhook subscriptions complete (`SHOPIFY_WEBHOOKS_RECONCILE_CRON`); it always runs the kit's
 * retention jobs, which need no Shopify credentials.
 */
export function startShopifyJobWorker(services: ShopifyServices): Promise<JobWorker> {
  const { config, logger, app } = services;
  const sql = services.database.sql;
  const tasks: TaskDefinition<unknown>[] = kitMaintenanceTasks({ sql, settings: config, logger });
  const cron = kitMaintenanceCron();
  if (app) {
    const deps = { sql, bus: services.bus, queue: app.queue, logger };
    tasks.push(
      shopifyWebhookTask(
        deps,
        app.webhookSource,
        config.IONFLUX_WEBHOOK_MAX_ATTEMPTS,
      ) as TaskDefinition<unknown>,
    );
    tasks.push(
      ...shopifySyncTasks({ ...deps, admin: app.admin, settings: syncSettingsOf(config) }),
      ...webhookSubscriptionTasks({
        sql,
        admin: app.admin,
        queue: app.queue,
        callbackUrl: app.oauth.webhookUrl,
      }),
    );
    cron.push(
      ...shopifySyncCron(config.SHOPIFY_SYNC_CRON),
      ...webhookSubscriptionCron(config.SHOPIFY_WEBHOOKS_RECONCILE_CRON),
    );
  }
  return startJobWorker({
    databaseUrl: config.DATABASE_URL,
    logger,
    tasks,
    cron,
    concurrency: config.SHOPIFY_WORKER_CONCURRENCY,
    tracing: services.tracing,
  });
}

export interface RunningShopifyWorker {
  logger: Logger;
  /** Stops taking jobs, lets running ones finish (see `JobWorker.stop`), then closes the services. */
  close(): Promise<void>;
}

/**
 * The worker process (`npm run worker -w subgraphs/shopify`, `src/worker-main.ts`): the services and
 * their job worker, without a GraphQL server. Run any number beside subgraph processes started with
 * `SHOPIFY_WORKER_IN_PROCESS=false`.
 */
export async function startShopifyWorker(
  config: ShopifyWorkerConfig,
  options: { logDestination?: NodeJS.WritableStream } = {},
): Promise<RunningShopifyWorker> {
  const logger = createLogger({
    service: 'shopify-worker',
    level: config.LOG_LEVEL,
    redactPaths: SHOPIFY_LOG_REDACTIONS,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, SHOPIFY_MIGRATIONS);
  const services = await createShopifyServices(config, { logger });
  let worker: JobWorker;
  try {
    worker = await startShopifyJobWorker(services);
  } catch (error) {
    await services.close();
    throw error;
  }
  return {
    logger,
    async close() {
      await worker.stop();
      await services.close();
    },
  };
}
