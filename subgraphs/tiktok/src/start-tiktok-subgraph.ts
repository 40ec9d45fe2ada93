import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createEventBus } from '@ionflux/kit/events';
import { createConnectionHealth, registerHealthMetrics } from '@ionflux/kit/health';
import { createSubgraphIdentityVerifier } from '@ionflux/kit/identity';
import {
  createJobQueue,
  type JobQueue,
  type JobWorker,
  startJobWorker,
  type TaskDefinition,
} from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { createMetrics } from '@ionflux/kit/metrics';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import { hasPath, type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { createWebhookHandler, webhookPath } from '@ionflux/kit/webhooks';
import { loadSubgraphSdl } from '@ionflux/schema';
import { TikTokPacer } from './api/tiktok-pacer.ts';
import { createVideoByIdLoader } from './api/video-by-id-loader.ts';
import type { TikTokConfig } from './config.ts';
import type { TikTokContext } from './context.ts';
import { loadTikTokOAuth, mountOAuthRoutes, tiktokRefreshCron, tiktokRefreshTask } from './oauth/index.ts';
import { type PublishTimings, publishJobTask } from './publish/publish-job-task.ts';
import { tiktokProvider } from './registration.ts';
import { resolvers } from './resolvers/index.ts';
import { mountUploadRoute } from './uploads/mount-upload-route.ts';
import { PRUNE_UPLOADS_CRON, pruneUploadsTask } from './uploads/prune-uploads-task.ts';
import { createTikTokWebhookSource, tiktokWebhookTask } from './webhooks/index.ts';

const TIKTOK_MIGRATIONS = [migrationSet('kit'), migrationSet('tiktok')];

/**
 * Starts the TikTok subgraph (spec section 3) on `TIKTOK_SUBGRAPH_PORT`: migrates, opens one pool and the
 * bus, starts recording the calls made through connections (their health, spec 4.E), loads the app
 * credentials (connecting is disabled without them), then serves GraphQL and the OAuth routes.
 */
export async function startTikTokSubgraph(
  config: TikTokConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> & {
    /** Tests: faster publish-job pacing. @default DEFAULT_PUBLISH_TIMINGS */
    publishTimings?: Partial<PublishTimings>;
  } = {},
): Promise<RunningSubgraph> {
  const { publishTimings, ...subgraphOptions } = options;
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
  // Calls through connections (API, publish uploads, token refreshes) make their health; the registry
  // is the one `/metrics` serves, with the health gauge and transition counter on it.
  const metrics = createMetrics('tiktok');
  const health = createConnectionHealth({
    sql: database.sql,
    bus,
    logger,
    settings: config,
    providers: { [tiktokProvider.id]: tiktokProvider },
    onTransition: registerHealthMetrics(metrics.registry, database.sql, logger),
  });
  let queue: (JobQueue & { close(): Promise<void> }) | undefined;
  let worker: JobWorker | undefined;
  const close = async () => {
    await worker?.stop();
    // After the last job and request, before the pool: what was recorded is written, not lost.
    await health.close();
    await queue?.close();
    await bus.close();
    await database.close();
  };
  try {
    const oauth = await loadTikTokOAuth(config, { sql: database.sql, bus, logger, health });
    if (!oauth) {
      logger.warn(
        'TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET or IONFLUX_MASTER_KEY is not set: connecting TikTok is disabled',
      );
    }
    // TikTok webhooks: stored and enqueued by the kit's handler, applied by a job worker of this process.
    const clientSecret = oauth
      ? await createSecretsProvider(config, { TIKTOK_CLIENT_SECRET: config.TIKTOK_CLIENT_SECRET }).get(
          'TIKTOK_CLIENT_SECRET',
        )
      : undefined;
    const webhookSource = oauth && clientSecret ? createTikTokWebhookSource(clientSecret) : undefined;
    // TikTok's per-account limits, shared by reads and publish jobs of this process.
    const pacer = new TikTokPacer();
    // Webhooks and publish jobs run on this process's job worker.
    if (oauth && webhookSource) {
      queue = await createJobQueue({ databaseUrl: config.DATABASE_URL, logger });
      worker = await startJobWorker({
        databaseUrl: config.DATABASE_URL,
        logger,
        tasks: [
          tiktokWebhookTask(
            oauth.deps,
            webhookSource,
            config.IONFLUX_WEBHOOK_MAX_ATTEMPTS,
          ) as TaskDefinition<unknown>,
          publishJobTask({
            sql: database.sql,
            db: database.db,
            bus,
            queue,
            oauth,
            apiOrigin: config.TIKTOK_API_ORIGIN,
            pacer,
            ...(publishTimings ? { timings: publishTimings } : {}),
          }) as TaskDefinition<unknown>,
          pruneUploadsTask(database.sql),
          tiktokRefreshTask(oauth.deps, config.TIKTOK_REFRESH_WITHIN_MINUTES * 60_000),
        ],
        cron: [PRUNE_UPLOADS_CRON, ...tiktokRefreshCron(config.TIKTOK_REFRESH_CRON)],
      });
    }
    const webhookQueue = queue;
    const identityVerifier = createSubgraphIdentityVerifier('tiktok', config, logger);
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
            sql: database.sql,
            bus,
            queue: webhookQueue,
            publishing: { pullOrigins: config.TIKTOK_PULL_ORIGINS },
          };
          return { ...base, videosById: createVideoByIdLoader(base) };
        },
        subscriptions: true,
        async routes(app, { serveDirect }) {
          if (oauth) {
            mountOAuthRoutes(app, oauth, { db: database.db, logger, apiOrigin: config.TIKTOK_API_ORIGIN });
          }
          // The body is the file: mounted before anything reads bodies.
          mountUploadRoute(app, {
            sql: database.sql,
            logger,
            identityVerifier,
            maxBytes: config.TIKTOK_UPLOAD_MAX_BYTES,
            ttlHours: config.TIKTOK_UPLOAD_TTL_HOURS,
          });
          if (webhookSource && webhookQueue) {
            serveDirect(
              hasPath(webhookPath(webhookSource.provider)),
              createWebhookHandler({ sql: database.sql, queue: webhookQueue, logger, source: webhookSource }),
            );
          }
          return undefined;
        },
      },
      config,
      {
        ...subgraphOptions,
        port: config.TIKTOK_SUBGRAPH_PORT,
        portVar: 'TIKTOK_SUBGRAPH_PORT',
        handles: { logger, database, bus },
        metrics,
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
