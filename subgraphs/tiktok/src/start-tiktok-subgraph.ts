import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createEventBus } from '@ionflux/kit/events';
import {
  createJobQueue,
  type JobQueue,
  type JobWorker,
  startJobWorker,
  type TaskDefinition,
} from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import { type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { createWebhookRouter } from '@ionflux/kit/webhooks';
import { loadSubgraphSdl } from '@ionflux/schema';
import { TikTokPacer } from './api/tiktok-pacer.ts';
import { createVideoByIdLoader } from './api/video-by-id-loader.ts';
import type { TikTokConfig } from './config.ts';
import type { TikTokContext } from './context.ts';
import { loadTikTokOAuth, mountOAuthRoutes, tiktokRefreshCron, tiktokRefreshTask } from './oauth/index.ts';
import { resolvers } from './resolvers/index.ts';
import { createTikTokWebhookSource, tiktokWebhookTask } from './webhooks/index.ts';

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
  let queue: (JobQueue & { close(): Promise<void> }) | undefined;
  let worker: JobWorker | undefined;
  const close = async () => {
    await worker?.stop();
    await queue?.close();
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
    // TikTok webhooks: stored and enqueued by the kit's router, applied by a job worker of this process.
    const clientSecret = oauth
      ? await createSecretsProvider(config, { TIKTOK_CLIENT_SECRET: config.TIKTOK_CLIENT_SECRET }).get(
          'TIKTOK_CLIENT_SECRET',
        )
      : undefined;
    const webhookSource = oauth && clientSecret ? createTikTokWebhookSource(clientSecret) : undefined;
    if (oauth && webhookSource) {
      queue = await createJobQueue({ databaseUrl: config.DATABASE_URL, logger });
      worker = await startJobWorker({
        databaseUrl: config.DATABASE_URL,
        logger,
        tasks: [
          tiktokWebhookTask(oauth.deps, webhookSource) as TaskDefinition<unknown>,
          tiktokRefreshTask(oauth.deps, config.TIKTOK_REFRESH_WITHIN_MINUTES * 60_000),
        ],
        cron: tiktokRefreshCron(config.TIKTOK_REFRESH_CRON),
      });
    }
    const webhookQueue = queue;
    const pacer = new TikTokPacer();
    const subgraph = await startSubgraph<TikTokContext>(
      {
        name: 'tiktok',
        sdl: loadSubgraphSdl('tiktok'),
        resolvers: resolvers as GraphQLResolverMap<TikTokContext>,
        migrations: TIKTOK_MIGRATIONS,
        createContext: ({ identity }) => {
          const base = {
            db: database.db,
            identity,
            logger,
            oauth,
            apiOrigin: config.TIKTOK_API_ORIGIN,
            pacer,
          };
          return { ...base, videosById: createVideoByIdLoader(base) };
        },
        async routes(app) {
          if (oauth) {
            mountOAuthRoutes(app, oauth, { db: database.db, logger, apiOrigin: config.TIKTOK_API_ORIGIN });
          }
          if (webhookSource && webhookQueue) {
            app.use(
              '/webhooks/tiktok',
              createWebhookRouter({ sql: database.sql, queue: webhookQueue, logger, source: webhookSource }),
            );
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
