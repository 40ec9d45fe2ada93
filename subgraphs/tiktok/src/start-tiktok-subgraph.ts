import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import type { TikTokConfig } from './config.ts';
import type { TikTokContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the TikTok subgraph (spec section 3) on `TIKTOK_SUBGRAPH_PORT`. */
export function startTikTokSubgraph(
  config: TikTokConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  return startSubgraph<TikTokContext>(
    {
      name: 'tiktok',
      sdl: loadSubgraphSdl('tiktok'),
      resolvers: resolvers as GraphQLResolverMap<TikTokContext>,
      migrations: [migrationSet('kit'), migrationSet('tiktok')],
      createContext: ({ database, identity, logger }) => ({ db: database.db, identity, logger }),
    },
    config,
    { ...options, port: config.TIKTOK_SUBGRAPH_PORT, portVar: 'TIKTOK_SUBGRAPH_PORT' },
  );
}
