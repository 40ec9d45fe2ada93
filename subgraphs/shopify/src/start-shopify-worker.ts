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
import { shopifyWebhookTask } from './webhooks/index.ts';

/**
 * The Shopify job worker over the services: it applies stored webhook deliveries (when the app is
 * configured) and runs the kit's retention jobs on their cron, which need no Shopify credentials.
 */
export function startShopifyJobWorker(services: ShopifyServices): Promise<JobWorker> {
  const { config, logger, app } = services;
  const tasks: TaskDefinition<unknown>[] = kitMaintenanceTasks({
    sql: services.database.sql,
    settings: config,
    logger,
  });
  if (app) tasks.push(shopifyWebhookTask(app.oauth.deps, app.webhookSource) as TaskDefinition<unknown>);
  return startJobWorker({ databaseUrl: config.DATABASE_URL, logger, tasks, cron: kitMaintenanceCron() });
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
