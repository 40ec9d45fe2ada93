import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import {
  kitMaintenanceCron,
  kitMaintenanceTasks,
  startJobWorker,
  type TaskDefinition,
} from '@ionflux/kit/jobs';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import postgres from 'postgres';
import { type AdminApiDeps, createAdminApiDeps } from './admin-api/index.ts';
import type { ShopifyConfig } from './config.ts';
import type { ShopifyContext } from './context.ts';
import { createShopifyOAuth, loadShopifyOAuthBase, type ShopifyOAuth } from './oauth/index.ts';
import { resolvers } from './resolvers/index.ts';
import { mountShopifyRoutes, shopifyWebhookTask } from './routes/index.ts';

/** Starts the Shopify subgraph (spec section 2) on `SHOPIFY_SUBGRAPH_PORT`. */
export async function startShopifySubgraph(
  config: ShopifyConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  const oauthBase = await loadShopifyOAuthBase(config);
  let oauth: ShopifyOAuth | undefined;
  let admin: AdminApiDeps | undefined;
  return startSubgraph<ShopifyContext>(
    {
      name: 'shopify',
      sdl: loadSubgraphSdl('shopify'),
      resolvers: resolvers as GraphQLResolverMap<ShopifyContext>,
      migrations: [migrationSet('kit'), migrationSet('shopify')],
      createContext: ({ database, bus, identity, logger }) => ({
        db: database.db,
        bus,
        identity,
        logger,
        oauth,
        admin,
      }),
      async routes(app, { bus, logger }) {
        // The kit's OAuth and webhook SQL binds and reads Dates; the service pool is drizzle's, whose driver
        // makes timestamp (de)serialisation pass strings through, so these get a plain pool of their own.
        const sql = postgres(config.DATABASE_URL, {
          max: 4,
          onnotice: () => {},
          connection: { application_name: 'ionflux-shopify-oauth' },
        });
        // This process's job worker also runs the kit's retention jobs (OAuth states, events), which need
        // no Shopify credentials.
        const tasks: TaskDefinition<unknown>[] = kitMaintenanceTasks({ sql, settings: config, logger });
        let routes: Awaited<ReturnType<typeof mountShopifyRoutes>> | undefined;
        if (oauthBase) {
          oauth = createShopifyOAuth(oauthBase, { sql, bus, logger }, config);
          admin = createAdminApiDeps(oauth.deps, config, logger, {
            startUrl: oauth.startUrl,
            key: oauth.signingKey,
            ttlMs: oauth.grantUrlTtlMs,
          });
          routes = await mountShopifyRoutes(app, oauth, {
            databaseUrl: config.DATABASE_URL,
            logger,
            webhookMaxAgeMs: config.SHOPIFY_WEBHOOK_MAX_AGE_SECONDS * 1000,
          });
          tasks.push(shopifyWebhookTask(oauth.deps, routes.source) as TaskDefinition<unknown>);
        } else {
          logger.warn(
            'SHOPIFY_API_KEY, SHOPIFY_API_SECRET or IONFLUX_MASTER_KEY is not set: connecting Shopify is disabled',
          );
        }
        const worker = await startJobWorker({
          databaseUrl: config.DATABASE_URL,
          logger,
          tasks,
          cron: kitMaintenanceCron(),
        });
        return {
          async close() {
            await worker.stop();
            await admin?.http.close();
            await routes?.close();
            await sql.end({ timeout: 5 });
          },
        };
      },
      subscriptions: true,
    },
    config,
    { ...options, port: config.SHOPIFY_SUBGRAPH_PORT, portVar: 'SHOPIFY_SUBGRAPH_PORT' },
  );
}
