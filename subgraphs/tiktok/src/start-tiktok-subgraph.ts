import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createEventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { loadSubgraphSdl } from '@ionflux/schema';
import type { TikTokConfig } from './config.ts';
import type { TikTokContext } from './context.ts';
import { loadTikTokOAuth, mountOAuthRoutes } from './oauth/index.ts';
import { resolvers } from './resolvers/index.ts';

const TIKTOK_MIGRATIONS = [migrationSet('kit'), migrationSet('tiktok')];

/**
 * Starts the TikTok subgraph (spec section 3) on `TIKTOK_SUBGRAPH_PORT`: migrates, opens one pool and the
 * bus, loads the app credentials (connecting is disabled without them), then serves GraphQL and the
 * OAuth routes.
 */
export async function startTikTokSubgraph(
  config: TikTokConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  const logger = createLogger({
    service: 'tiktok',
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, TIKTOK_MIGRATIONS);
  // Room for OAuth refreshes, which hold a connection while they call TikTok, beside the reads.
  const database = connectDatabase(config.DATABASE_URL, {
    applicationName: 'ionflux-tiktok',
    maxConnections: 14,
  });
  const bus = await createEventBus({ url: config.IONFLUX_EVENT_BUS, sql: database.sql, logger }).catch(
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );
  const close = async () => {
    await bus.close();
    await database.close();
  };
  try {
    const oauth = await loadTikTokOAuth(config, { sql: database.sql, bus, logger });
    if (!oauth) {
      logger.warn(
        'TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET or IONFLUX_MASTER_KEY is not set: connecting TikTok is disabled',
      );
    }
    const subgraph = await startSubgraph<TikTokContext>(
      {
        name: 'tiktok',
        sdl: loadSubgraphSdl('tiktok'),
        resolvers: resolvers as GraphQLResolverMap<TikTokContext>,
        migrations: TIKTOK_MIGRATIONS,
        createContext: ({ identity }) => ({
          db: database.db,
          identity,
          logger,
          oauth,
          apiOrigin: config.TIKTOK_API_ORIGIN,
        }),
        async routes(app) {
          if (oauth) {
            mountOAuthRoutes(app, oauth, { db: database.db, logger, apiOrigin: config.TIKTOK_API_ORIGIN });
          }
          return undefined;
        },
      },
      config,
      {
        ...options,
        port: config.TIKTOK_SUBGRAPH_PORT,
        portVar: 'TIKTOK_SUBGRAPH_PORT',
        handles: { logger, database, bus },
      },
    );
    return {
      ...subgraph,
      async close() {
        await subgraph.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
