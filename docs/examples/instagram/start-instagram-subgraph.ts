import type { GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createEventBus } from '@ionflux/kit/events';
import { createJobQueue, type JobQueue } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { hasPath, type RunningSubgraph, type StartSubgraphOptions, startSubgraph } from '@ionflux/kit/server';
import { createWebhookHandler, webhookPath } from '@ionflux/kit/webhooks';
import type { InstagramConfig } from './config.ts';
import type { InstagramContext } from './context.ts';
import { loadInstagramOAuth } from './instagram-oauth.ts';
import { loadInstagramSdl } from './load-instagram-sdl.ts';
import { mountInstagramOAuthRoutes } from './oauth-routes.ts';
import { resolvers } from './resolvers.ts';
import { createInstagramWebhookSource } from './webhook-source.ts';

// Tokens, states and deliveries live in the kit's tables: the example has no tables of its own.
const INSTAGRAM_MIGRATIONS = [migrationSet('kit')];

/**
 * Starts the Instagram subgraph on `INSTAGRAM_SUBGRAPH_PORT`: migrates, opens one pool, the bus and the
 * job queue, loads the app credentials through the secrets provider (connecting is disabled without
 * them), then serves GraphQL, the OAuth routes and `POST /webhooks/instagram`.
 */
export async function startInstagramSubgraph(
  config: InstagramConfig,
  options: Pick<StartSubgraphOptions, 'logDestination'> = {},
): Promise<RunningSubgraph> {
  const logger = createLogger({
    service: 'instagram',
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, INSTAGRAM_MIGRATIONS);
  const database = connectDatabase(config.DATABASE_URL, { applicationName: 'ionflux-instagram' });
  let bus: Awaited<ReturnType<typeof createEventBus>> | undefined;
  let queue: (JobQueue & { close(): Promise<void> }) | undefined;
  const close = async () => {
    await queue?.close();
    await bus?.close();
    await database.close();
  };
  try {
    bus = await createEventBus({ url: config.IONFLUX_EVENT_BUS, sql: database.sql, logger });
    const oauth = await loadInstagramOAuth(config, { sql: database.sql, bus, logger });
    if (!oauth) {
      logger.warn(
        'INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET or IONFLUX_MASTER_KEY is not set: connecting Instagram is disabled',
      );
    }
    // Deliveries are stored and their processing job enqueued in one transaction by the kit's handler.
    queue = oauth ? await createJobQueue({ databaseUrl: config.DATABASE_URL, logger }) : undefined;
    const webhookQueue = queue;
    const subgraph = await startSubgraph<InstagramContext>(
      {
        name: 'instagram',
        sdl: loadInstagramSdl(),
        resolvers: resolvers as GraphQLResolverMap<InstagramContext>,
        migrations: INSTAGRAM_MIGRATIONS,
        createContext: ({ identity }) => ({ identity, db: database.db, logger, oauth }),
        async routes(app, { serveDirect }) {
          if (oauth && webhookQueue) {
            mountInstagramOAuthRoutes(app, oauth, logger);
            const source = createInstagramWebhookSource(oauth.appSecret);
            serveDirect(
              hasPath(webhookPath(source.provider)),
              createWebhookHandler({ sql: database.sql, queue: webhookQueue, logger, source }),
            );
          }
          return undefined;
        },
      },
      config,
      {
        ...options,
        port: config.INSTAGRAM_SUBGRAPH_PORT,
        portVar: 'INSTAGRAM_SUBGRAPH_PORT',
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
