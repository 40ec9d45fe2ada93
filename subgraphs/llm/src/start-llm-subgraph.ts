import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, migrateDatabase } from '@ionflux/kit/db';
import { createSubgraphIdentityVerifier } from '@ionflux/kit/identity';
import { createLogger } from '@ionflux/kit/logging';
import { createMetrics } from '@ionflux/kit/metrics';
import {
  createServiceApp,
  createServiceServer,
  listen,
  mountSubgraph,
  type RunningSubgraph,
  startAdminServer,
} from '@ionflux/kit/server';
import { mountSubgraphSubscriptions } from '@ionflux/kit/subscriptions';
import { createTracing } from '@ionflux/kit/tracing';
import { loadSubgraphSdl } from '@ionflux/schema';
import { parse } from 'graphql';
import type { LlmConfig } from './config.ts';
import type { LlmContext } from './context.ts';
import { mountLlmHttpApi } from './http-api/index.ts';
import { resolvers } from './resolvers/index.ts';
import { createLlmServices } from './services.ts';

export interface StartLlmSubgraphOptions {
  /** Where log lines go; tests capture them. @default stdout */
  logDestination?: NodeJS.WritableStream;
}

/**
 * Starts the LLM Orchestration subgraph (spec section 1) on `LLM_SUBGRAPH_PORT`: GraphQL over HTTP at
 * `/graphql` for the gateway, the same path over graphql-ws for `completionStream`, the HTTP doors
 * `/llm/v1/completions` and `/llm/openai/v1/*` (gateway-signed callers only), plus `/healthz`,
 * `/readyz` and `/metrics`. Built from the kit's parts rather than `startSubgraph` because its services
 * (provider clients, quotas, ledger) need the pool and the metrics registry, and its resolvers need the
 * per-request cancellation signal in their context.
 */
export async function startLlmSubgraph(
  config: LlmConfig,
  options: StartLlmSubgraphOptions = {},
): Promise<RunningSubgraph> {
  const logger = createLogger({
    service: 'llm',
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  await migrateDatabase(config.DATABASE_URL, [migrationSet('llm')]);
  // Enough connections for a burst of concurrent completions (each holds one briefly at a time).
  const database = connectDatabase(config.DATABASE_URL, {
    applicationName: 'ionflux-llm',
    maxConnections: 20,
  });
  const metrics = createMetrics('llm');
  const tracing = createTracing({ service: 'llm', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, logger });
  const services = await createLlmServices({
    config,
    db: database.db,
    sql: database.sql,
    logger,
    registry: metrics.registry,
    tracing,
  });
  const readinessChecks = [{ name: 'database', check: () => database.ping() }];
  const app = createServiceApp({
    logger,
    metrics,
    readinessChecks,
    adminPortSet: config.ADMIN_PORT !== undefined,
  });
  const server = createServiceServer(app, { logger, metrics, tracing });
  const { httpServer } = server;
  const schema = buildSubgraphSchema([
    { typeDefs: parse(loadSubgraphSdl('llm')), resolvers: resolvers as GraphQLResolverMap<LlmContext> },
  ]);
  const identityVerifier = createSubgraphIdentityVerifier('llm', config, logger);
  const createContext = (identity: LlmContext['identity'], signal: AbortSignal): LlmContext => ({
    identity,
    db: database.db,
    logger,
    config,
    services,
    signal,
  });
  const apollo = await mountSubgraph(app, {
    schema,
    identityVerifier,
    logger,
    server,
    introspection: config.NODE_ENV !== 'production',
    createContext,
  });
  // Spec 1.3's JSON door and the OpenAI-compatible API, which the gateway forwards by exact path.
  mountLlmHttpApi(app, { identityVerifier, logger, createContext });
  // A subscription is cancelled through its iterator (graphql-ws returns it when the subscriber or the
  // socket goes), so its context needs no signal of its own.
  const neverAborted = new AbortController().signal;
  const ws = mountSubgraphSubscriptions(httpServer, {
    schema,
    identityVerifier,
    logger,
    createContext: (identity) => createContext(identity, neverAborted),
    tracing,
  });
  const { url, port } = await listen(httpServer, {
    host: config.HOST,
    port: config.LLM_SUBGRAPH_PORT,
    portVar: 'LLM_SUBGRAPH_PORT',
  });
  logger.info({ url }, 'llm subgraph listening');
  const admin = await startAdminServer({
    host: config.HOST,
    port: config.ADMIN_PORT,
    logger,
    metrics,
    readinessChecks,
  });
  return {
    name: 'llm',
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    ...(admin ? { adminUrl: admin.url } : {}),
    logger,
    database,
    async close() {
      await ws.close();
      await apollo.stop();
      await services.close();
      await database.close();
      await admin?.close();
      await tracing.close();
    },
  };
}
