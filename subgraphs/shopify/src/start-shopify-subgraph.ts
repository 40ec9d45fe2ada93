import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import type { ShopifyConfig } from './config.ts';
import type { ShopifyContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the Shopify subgraph (spec section 2) on `SHOPIFY_SUBGRAPH_PORT`. */
export function startShopifySubgraph(
  config: ShopifyConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  return startSubgraph<ShopifyContext>(
    {
      name: 'shopify',
      sdl: loadSubgraphSdl('shopify'),
      resolvers: resolvers as GraphQLResolverMap<ShopifyContext>,
      migrations: [migrationSet('kit'), migrationSet('shopify')],
      createContext: ({ database, bus, identity, logger }) => ({ db: database.db, bus, identity, logger }),
      subscriptions: true,
    },
    config,
    { ...options, port: config.SHOPIFY_SUBGRAPH_PORT, portVar: 'SHOPIFY_SUBGRAPH_PORT' },
  );
}
