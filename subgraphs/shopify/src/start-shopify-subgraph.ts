import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import postgres from 'postgres';
import { type AdminApiDeps, createAdminApiDeps } from './admin-api/index.ts';
import type { ShopifyConfig } from './config.ts';
import type { ShopifyContext } from './context.ts';
import { createShopifyOAuth, loadShopifyOAuthBase, type ShopifyOAuth } from './oauth/index.ts';
import { resolvers } from './resolvers/index.ts';
import { mountShopifyRoutes } from './routes/index.ts';

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
        if (!oauthBase) {
          logger.warn(
            'SHOPIFY_API_KEY, SHOPIFY_API_SECRET or IONFLUX_MASTER_KEY is not set: connecting Shopify is disabled',
          );
          return undefined;
        }
        // The kit's OAuth and webhook SQL binds and reads Dates; the service pool is drizzle's, whose driver
        // makes timestamp (de)serialisation pass strings through, so these get a plain pool of their own.
        const sql = postgres(config.DATABASE_URL, {
          max: 4,
          onnotice: () => {},
          connection: { application_name: 'ionflux-shopify-oauth' },
        });
        oauth = createShopifyOAuth(oauthBase, { sql, bus, logger }, config);
        admin = createAdminApiDeps(oauth.deps, config, logger);
        const routes = await mountShopifyRoutes(app, oauth, { databaseUrl: config.DATABASE_URL, logger });
        return {
          async close() {
            await admin?.http.close();
            await routes.close();
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
