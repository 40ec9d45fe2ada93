import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrateDatabase } from '@ionflux/kit/db';
import type { JobWorker } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import type { ShopifyConfig } from './config.ts';
import type { ShopifyContext } from './context.ts';
import { mountOAuthRoutes } from './oauth/index.ts';
import { createShopifyRequestScope } from './queries/index.ts';
import { resolvers } from './resolvers.ts';
import { scheduleConnectionSetup } from './schedule-connection-setup.ts';
import { createShopifyServices, SHOPIFY_LOG_REDACTIONS, SHOPIFY_MIGRATIONS } from './services.ts';
import { startShopifyJobWorker } from './start-shopify-worker.ts';
import { mountWebhookRoute } from './webhooks/index.ts';

/**
 * Starts the Shopify subgraph (spec section 2) on `SHOPIFY_SUBGRAPH_PORT`: migrates, builds the services
 * once, starts the job worker on them unless `SHOPIFY_WORKER_IN_PROCESS=false`, then serves GraphQL and
 * the OAuth and webhook routes on them. `close()` stops the server, then the worker, then the services.
 */
export async function startShopifySubgraph(
  config: ShopifyConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  const logger = createLogger({
    service: 'shopify',
    level: config.LOG_LEVEL,
    redactPaths: SHOPIFY_LOG_REDACTIONS,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, SHOPIFY_MIGRATIONS);
  const services = await createShopifyServices(config, { logger });
  const { app } = services;
  let worker: JobWorker | undefined;
  try {
    if (config.SHOPIFY_WORKER_IN_PROCESS) worker = await startShopifyJobWorker(services);
    else logger.info('SHOPIFY_WORKER_IN_PROCESS=false: stored webhooks wait for a separate worker');
    const subgraph = await startSubgraph<ShopifyContext>(
      {
        name: 'shopify',
        sdl: loadSubgraphSdl('shopify'),
        resolvers: resolvers as GraphQLResolverMap<ShopifyContext>,
        migrations: SHOPIFY_MIGRATIONS,
        createContext: ({ identity }) => ({
          identity,
          db: services.database.db,
          sql: services.database.sql,
          bus: services.bus,
          jobs: app?.queue,
          logger,
          oauth: app?.oauth,
          stores: createShopifyRequestScope(app?.admin, identity),
        }),
        async routes(expressApp, { serveDirect }) {
          if (!app) return undefined;
          mountOAuthRoutes(expressApp, app.oauth, logger, (connection) =>
            scheduleConnectionSetup(services.database.sql, app.queue, connection),
          );
          mountWebhookRoute(serveDirect, {
            sql: services.database.sql,
            queue: app.queue,
            logger,
            source: app.webhookSource,
            batch: config.SHOPIFY_WEBHOOK_BATCH,
            registry: services.metrics.registry,
            tracing: services.tracing,
          });
          return undefined;
        },
        subscriptions: true,
      },
      config,
      {
        port: config.SHOPIFY_SUBGRAPH_PORT,
        portVar: 'SHOPIFY_SUBGRAPH_PORT',
        handles: services,
        metrics: services.metrics,
        tracing: services.tracing,
      },
    );
    return {
      ...subgraph,
      async close() {
        await subgraph.close();
        await worker?.stop();
        await services.close();
      },
    };
  } catch (error) {
    await worker?.stop();
    await services.close();
    throw error;
  }
}
