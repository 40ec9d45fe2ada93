import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { Express } from 'express';
import { parse } from 'graphql';
import type { SubgraphEnv } from '../config/index.ts';
import { connectDatabase, type DatabaseHandle, type MigrationSet, migrateDatabase } from '../db/index.ts';
import { createEventBus, type EventBus } from '../events/index.ts';
import { createSubgraphIdentityVerifier, type Identity } from '../identity/index.ts';
import { createLogger, type Logger } from '../logging/index.ts';
import { createMetrics, type ServiceMetrics } from '../metrics/index.ts';
import { mountSubgraphSubscriptions } from '../subscriptions/index.ts';
import { createTracing, type Tracing } from '../tracing/index.ts';
import { answerNotFound } from './answer-not-found.ts';
import { createServiceApp } from './create-service-app.ts';
import { mountSubgraph } from './create-subgraph-server.ts';
import { listen } from './listen.ts';
import { createServiceServer, type ServiceServer } from './service-server.ts';
import { startAdminServer } from './start-admin-server.ts';

export interface SubgraphDefinition<Context> {
  /** Service name used in logs, metrics and errors: the subgraph's name in the supergraph. */
  name: string;
  sdl: string;
  resolvers: GraphQLResolverMap<Context>;
  /** The table sets this service owns, applied in order at start (by the caller when it brings `handles`). */
  migrations: readonly MigrationSet[];
  createContext(deps: {
    database: DatabaseHandle;
    bus: EventBus;
    identity: Identity;
    logger: Logger;
  }): Context;
  /** Serve the schema's `Subscription` fields over graphql-ws at `/graphql` (to the gateway only). */
  subscriptions?: boolean;
  /**
   * Mounts the service's own HTTP routes (OAuth callbacks, webhooks) before `/graphql`, in the app or
   * straight on the server (`serveDirect`, for a hot path such as webhooks); what it returns is closed
   * first on `close()`.
   */
  routes?(
    app: Express,
    deps: {
      database: DatabaseHandle;
      bus: EventBus;
      logger: Logger;
      metrics: ServiceMetrics;
      serveDirect: ServiceServer['serveDirect'];
    },
  ): Promise<{ close(): Promise<void> } | undefined>;
}

export interface StartSubgraphOptions {
  /** Env var that moves this service's port, named in the "port in use" message. */
  portVar: string;
  port: number;
  /** Where log lines go; tests capture them. @default stdout */
  logDestination?: NodeJS.WritableStream;
  /**
   * The logger, pool and bus, when the service built them itself (its services own them, to run its
   * workers with or without this server): used as given, after the caller migrated, and left open by
   * `close()`. @default opened (and closed) here
   */
  handles?: { logger: Logger; database: DatabaseHandle; bus: EventBus };
  /**
   * The service's registry, when its services registered metrics of their own on it (provider calls,
   * the queue): `/metrics` serves it. @default a new one
   */
  metrics?: ServiceMetrics;
  /**
   * The service's tracing, when its services made spans with it (provider calls): closed by `close()`
   * all the same. @default made here from `OTEL_EXPORTER_OTLP_ENDPOINT`
   */
  tracing?: Tracing;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  port: number;
  /** The admin server's origin (`/readyz`, `/metrics`) when started with `ADMIN_PORT`. */
  adminUrl?: string;
  logger: Logger;
  database: DatabaseHandle;
  /** The process's EventBus (Postgres or NATS, by `IONFLUX_EVENT_BUS`): its events reach every instance. */
  bus?: EventBus;
  close(): Promise<void>;
}

/**
 * Starts one subgraph process: migrates its tables (safe when several instances start at once), opens
 * its database pool, serves GraphQL at `/graphql` behind the gateway-identity check (tokens addressed
 * to `definition.name`), plus `/healthz`, `/readyz` and `/metrics` (the last two on `ADMIN_PORT` when
 * set). `close()` drains requests, then closes the pool and the admin server.
 */
export async function startSubgraph<Context extends object>(
  definition: SubgraphDefinition<Context>,
  config: SubgraphEnv,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { handles } = options;
  const logger =
    handles?.logger ??
    createLogger({
      service: definition.name,
      level: config.LOG_LEVEL,
      ...(options.logDestination ? { destination: options.logDestination } : {}),
    });
  if (!handles) await migrateDatabase(config.DATABASE_URL, definition.migrations);
  const database =
    handles?.database ??
    connectDatabase(config.DATABASE_URL, { applicationName: `ionflux-${definition.name}` });
  const metrics = options.metrics ?? createMetrics(definition.name);
  const readinessChecks = [{ name: 'database', check: () => database.ping() }];
  const app = createServiceApp({
    logger,
    metrics,
    readinessChecks,
    adminPortSet: config.ADMIN_PORT !== undefined,
  });
  const bus =
    handles?.bus ?? (await createEventBus({ url: config.IONFLUX_EVENT_BUS, sql: database.sql, logger }));
  const tracing =
    options.tracing ??
    createTracing({ service: definition.name, endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, logger });
  const server = createServiceServer(app, { logger, metrics, tracing });
  const { httpServer } = server;
  const schema = buildSubgraphSchema([{ typeDefs: parse(definition.sdl), resolvers: definition.resolvers }]);
  const identityVerifier = createSubgraphIdentityVerifier(definition.name, config, logger);
  const routes = await definition.routes?.(app, {
    database,
    bus,
    logger,
    metrics,
    serveDirect: server.serveDirect,
  });
  const createContext = (identity: Identity) => definition.createContext({ database, bus, identity, logger });
  const apollo = await mountSubgraph(app, {
    schema,
    identityVerifier,
    logger,
    server,
    introspection: config.NODE_ENV !== 'production',
    createContext,
  });
  app.use(answerNotFound);
  const subscriptions = definition.subscriptions
    ? mountSubgraphSubscriptions(httpServer, { schema, identityVerifier, createContext, logger, tracing })
    : undefined;
  const { url, port } = await listen(httpServer, {
    host: config.HOST,
    port: options.port,
    portVar: options.portVar,
  });
  logger.info({ url }, `${definition.name} subgraph listening`);
  const admin = await startAdminServer({
    host: config.HOST,
    port: config.ADMIN_PORT,
    logger,
    metrics,
    readinessChecks,
  });
  return {
    name: definition.name,
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    ...(admin ? { adminUrl: admin.url } : {}),
    logger,
    database,
    bus,
    async close() {
      await subscriptions?.close();
      await routes?.close();
      await apollo.stop();
      if (!handles) {
        await bus.close();
        await database.close();
      }
      await admin?.close();
      await tracing.close();
    },
  };
}
