import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import type { LlmConfig } from './config.ts';
import type { LlmContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the LLM Orchestration subgraph (spec section 1) on `LLM_SUBGRAPH_PORT`. */
export function startLlmSubgraph(
  config: LlmConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  return startSubgraph<LlmContext>(
    {
      name: 'llm',
      sdl: loadSubgraphSdl('llm'),
      resolvers: resolvers as GraphQLResolverMap<LlmContext>,
      migrations: [migrationSet('llm')],
      createContext: ({ database, identity, logger }) => ({ db: database.db, identity, logger, config }),
    },
    config,
    { ...options, port: config.LLM_SUBGRAPH_PORT, portVar: 'LLM_SUBGRAPH_PORT' },
  );
}
