import { createServer } from 'node:http';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { SubgraphEnv } from '../config/index.ts';
import { connectDatabase, type DatabaseHandle, type MigrationSet, migrateDatabase } from '../db/index.ts';
import { createIdentitySigner, type Identity } from '../identity/index.ts';
import { createLogger, type Logger } from '../logging/index.ts';
import { createMetrics } from '../metrics/index.ts';
import { createServiceApp } from './create-service-app.ts';
import { mountSubgraph } from './create-subgraph-server.ts';
import { listen } from './listen.ts';

export interface SubgraphDefinition<Context> {
  /** Service name used in logs, metrics and errors, e.g. `shopify`. */
  name: string;
  sdl: string;
  resolvers: GraphQLResolverMap<Context>;
  /** The table sets this service owns, applied in order at start. */
  migrations: readonly MigrationSet[];
  createContext(deps: { database: DatabaseHandle; identity: Identity; logger: Logger }): Context;
}

export interface StartSubgraphOptions {
  /** Env var that moves this service's port, named in the "port in use" message. */
  portVar: string;
  port: number;
  /** Where log lines go; tests capture them. @default stdout */
  logDestination?: NodeJS.WritableStream;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  port: number;
  logger: Logger;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Starts one subgraph process: migrates its tables (safe when several instances start at once), opens
 * its database pool, serves GraphQL at `/graphql` behind the gateway-identity check, plus `/healthz`,
 * `/readyz` and `/metrics`. `close()` drains requests, then closes the pool.
 */
export async function startSubgraph<Context extends object>(
  definition: SubgraphDefinition<Context>,
  config: SubgraphEnv,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = createLogger({
    service: definition.name,
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, definition.migrations);
  const database = connectDatabase(config.DATABASE_URL, { applicationName: `ionflux-${definition.name}` });
  const metrics = createMetrics(definition.name);
  const app = createServiceApp({
    logger,
    metrics,
    readinessChecks: [{ name: 'database', check: () => database.ping() }],
  });
  const httpServer = createServer(app);
  const apollo = await mountSubgraph(app, {
    typeDefs: parse(definition.sdl),
    resolvers: definition.resolvers,
    identitySigner: createIdentitySigner(config.IONFLUX_INTERNAL_SECRET),
    logger,
    httpServer,
    introspection: config.NODE_ENV !== 'production',
    createContext: (identity) => definition.createContext({ database, identity, logger }),
  });
  const { url, port } = await listen(httpServer, {
    host: config.HOST,
    port: options.port,
    portVar: options.portVar,
  });
  logger.info({ url }, `${definition.name} subgraph listening`);
  return {
    name: definition.name,
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    logger,
    database,
    async close() {
      await apollo.stop();
      await database.close();
    },
  };
}
