import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ErrorCode, formatGraphQLError } from '@ionflux/kit/errors';
import { createIdentitySigner } from '@ionflux/kit/identity';
import { createLogger, type Logger } from '@ionflux/kit/logging';
import { createMetrics } from '@ionflux/kit/metrics';
import {
  createGraphQLHandler,
  createServiceApp,
  createServiceServer,
  drainHttpServer,
  internalErrorRequestId,
  listen,
  requestIdOf,
  startAdminServer,
} from '@ionflux/kit/server';
import { createTracing } from '@ionflux/kit/tracing';
import { loadSupergraphSdl } from '@ionflux/schema';
import { GraphQLError } from 'graphql';
import { createJwtVerifier } from './auth/jwt-verifier.ts';
import { requireAuthentication } from './auth/require-authentication.ts';
import type { GatewayConfig } from './config.ts';
import { createConsoleRouter } from './console/index.ts';
import { compiledGateway, mergeEntityFetches, processFetch, type SendFetch } from './execution/index.ts';
import type { GatewayContext } from './gateway-context.ts';
import { createArmor, type OperationLimits } from './limits/create-armor.ts';
import { invalidRequestStatus } from './limits/invalid-request-status.ts';
import { limitGraphQLRequests } from './limits/limit-graphql-requests.ts';
import { createRateLimitMetrics } from './limits/rate-limit-metrics.ts';
import { createWorkspaceLimiter } from './limits/workspace-limiter.ts';
import { operationMetrics, subgraphFetchMetrics } from './metrics/index.ts';
import { createPlaygroundRouter } from './playground/index.ts';
import {
  createLlmRouteProxy,
  createProviderRouteProxy,
  createUploadRouteProxy,
  guardRequestTargets,
  type LlmRouteProxyOptions,
  type ProviderRouteProxyOptions,
} from './routes/index.ts';
import { createSharingMetrics, shareIdenticalFetches, shareIdenticalRequests } from './sharing/index.ts';
import { IdentityDataSource } from './subgraphs/identity-data-source.ts';
import { subgraphReadiness } from './subgraphs/subgraph-readiness.ts';
import { createUndiciFetcher } from './subgraphs/undici-fetcher.ts';
import {
  createGatewaySubscriptions,
  type GatewaySubscriptions,
  type ShareScope,
  type SubscriptionLimits,
} from './subscriptions/index.ts';
import {
  loadTrustedDocuments,
  persistedQueryCache,
  refuseUntrustedDocuments,
} from './trusted-documents/index.ts';
import { warmPlans } from './trusted-documents/warm-plans.ts';

export interface StartGatewayOptions {
  /** Where log lines go; tests capture them. @default stdout */
  logDestination?: NodeJS.WritableStream;
  limits?: OperationLimits;
  subscriptionLimits?: SubscriptionLimits;
  /** Who shares an upstream subscription. @default 'workspace' */
  subscriptionShareScope?: ShareScope;
  /** Tests: serve this supergraph (or hook) instead of the checked-in one. */
  supergraphSdl?: string | SupergraphSdlHook;
  /** Tests: subgraph URLs by name, overriding the configured ones. */
  subgraphUrls?: Record<string, string>;
  /** Body caps and timeout of the OAuth and webhook routes' proxy (defaults in the type). */
  providerRoutes?: ProviderRouteProxyOptions;
  /** Tests: the LLM doors' proxy options over the config's (defaults in the type). */
  llmRoutes?: LlmRouteProxyOptions;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  port: number;
  /** The admin server's origin (`/readyz`, `/metrics`) when started with `ADMIN_PORT`. */
  adminUrl?: string;
  logger: Logger;
  /** Federated subscriptions (graphql-ws and SSE on `/graphql`); `stats()` for tests and metrics. */
  subscriptions: GatewaySubscriptions;
  close(): Promise<void>;
}

/**
 * Starts the federation gateway: the checked-in supergraph routed to the configured subgraph URLs,
 * callers' JWTs verified and their identity forwarded signed (Ed25519, one audience per subgraph),
 * per-workspace request rate and in-flight limits (checked before a request is parsed), operation
 * limits, the offline playground, and `/healthz`, `/readyz` (every subgraph ready) and `/metrics` (the
 * last two on `ADMIN_PORT` when set).
 */
export async function startGateway(
  config: GatewayConfig,
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const production = config.NODE_ENV === 'production';
  const logger = createLogger({
    service: 'gateway',
    level: config.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const metrics = createMetrics('gateway');
  const tracing = createTracing({ service: 'gateway', endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, logger });
  const subgraphUrls: Record<string, string> = {
    llm: config.LLM_SUBGRAPH_URL,
    shopify: config.SHOPIFY_SUBGRAPH_URL,
    tiktok: config.TIKTOK_SUBGRAPH_URL,
    ...options.subgraphUrls,
  };
  // The Ed25519 key derived from IONFLUX_INTERNAL_SECRET: subgraphs hold only its public half.
  const signer = createIdentitySigner(config.IONFLUX_INTERNAL_SECRET);
  // One keep-alive pool for every subgraph fetch (query plans and subscription events).
  const subgraphFetcher = createUndiciFetcher();
  const verifyJwt = createJwtVerifier({
    secret: config.IONFLUX_JWT_SECRET,
    jwksUrl: config.IONFLUX_JWKS_URL,
    issuer: config.IONFLUX_JWT_ISSUER,
    audience: config.IONFLUX_JWT_AUDIENCE,
    maxLifetimeSeconds: config.IONFLUX_JWT_MAX_LIFETIME,
  });

  const readinessChecks = subgraphReadiness(subgraphUrls, {
    llm: config.LLM_SUBGRAPH_ADMIN_URL,
    shopify: config.SHOPIFY_SUBGRAPH_ADMIN_URL,
    tiktok: config.TIKTOK_SUBGRAPH_ADMIN_URL,
  });
  const app = createServiceApp({
    logger,
    metrics,
    readinessChecks,
    adminPortSet: config.ADMIN_PORT !== undefined,
  });
  // OAuth routes and webhooks at the public origin, forwarded by an allow-list of exact paths to their
  // owner's fixed origin, raw bytes, served before the app (below).
  const providerRoutes = createProviderRouteProxy(
    {
      shopify: new URL(subgraphUrls['shopify'] ?? '').origin,
      tiktok: new URL(subgraphUrls['tiktok'] ?? '').origin,
    },
    logger,
    options.providerRoutes,
  );
  const limiter = createWorkspaceLimiter({
    ratePerSecond: config.GATEWAY_WORKSPACE_RATE_PER_SECOND,
    burst: config.GATEWAY_WORKSPACE_BURST,
    maxInFlight: config.GATEWAY_WORKSPACE_MAX_IN_FLIGHT,
  });
  // Files for TikTok publishing: the caller's JWT checked here, the body streamed to the TikTok subgraph.
  app.use(
    createUploadRouteProxy({
      tiktokOrigin: new URL(subgraphUrls['tiktok'] ?? '').origin,
      verifyJwt,
      signer,
      admit: (workspaceId) => limiter.admitRequest(workspaceId),
      logger,
      maxBytes: config.TIKTOK_UPLOAD_MAX_BYTES,
    }),
  );
  const server = createServiceServer(app, { logger, metrics, tracing });
  server.serveDirect(providerRoutes.matches, providerRoutes.handle);
  const { httpServer } = server;
  // Before every listener: an absolute-form target or a path trick reaches no route, /graphql included.
  guardRequestTargets(httpServer, logger);
  const rateLimitMetrics = createRateLimitMetrics(metrics.registry);
  const observeFetch = subgraphFetchMetrics(metrics.registry);
  // The LLM doors (spec 1.3's JSON, the OpenAI-compatible API): the caller's JWT and the workspace's
  // limits checked here, then forwarded by exact path to the LLM subgraph, raw bytes, before any parser.
  const llmRoutes = createLlmRouteProxy(
    {
      llmOrigin: new URL(subgraphUrls['llm'] ?? '').origin,
      verifyJwt,
      signer,
      limiter,
      metrics: rateLimitMetrics,
      logger,
    },
    {
      maxRequestBytes: config.GATEWAY_LLM_MAX_BODY_BYTES,
      headersTimeoutMs: config.GATEWAY_LLM_HEADERS_TIMEOUT_MS,
      ...options.llmRoutes,
    },
  );
  app.use(llmRoutes.handler);
  const subscriptions = createGatewaySubscriptions({
    logger,
    signer,
    verifyJwt,
    admit: (identity, transport) => {
      const admission = limiter.admitSubscription(identity.workspaceId);
      if (!admission.ok) rateLimitMetrics.refused(admission.limit, transport);
      return admission;
    },
    registry: metrics.registry,
    tracing,
    ...(options.subscriptionLimits ? { limits: options.subscriptionLimits } : {}),
    ...(options.subscriptionShareScope ? { shareScope: options.subscriptionShareScope } : {}),
  });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? loadSupergraphSdl(),
    buildService: subscriptions.trackDataSources(
      ({ name, url }) =>
        new IdentityDataSource({
          name,
          url: subgraphUrls[name] ?? url ?? '',
          signer,
          fetcher: subgraphFetcher,
          observe: observeFetch,
          tracing,
        }),
    ),
    logger,
  });
  subscriptions.attach(gateway);
  const armor = createArmor(options.limits, { production });
  const trusted = config.GATEWAY_TRUSTED_DOCUMENTS
    ? loadTrustedDocuments(config.GATEWAY_TRUSTED_DOCUMENTS)
    : undefined;
  const safelist = config.GATEWAY_SAFELIST === 'on' && trusted !== undefined;
  const sharing = config.GATEWAY_SHARING === 'on';
  const sharingMetrics = createSharingMetrics(metrics.registry);
  const shareFetches = shareIdenticalFetches(sharingMetrics);
  // The compiled executor runs Apollo's plans (GATEWAY_EXECUTOR=apollo: Apollo's own executor).
  const compiled =
    config.GATEWAY_EXECUTOR === 'compiled'
      ? compiledGateway(gateway, {
          exposeQueryPlan: !production,
          send: (internals, requestContext) => {
            const send: SendFetch = (fetch, variables, path) => {
              const dataSource = internals.dataSources[fetch.serviceName];
              if (!dataSource) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
              return processFetch(dataSource, requestContext, fetch, variables, path);
            };
            // Entity fetches to one subgraph starting together go as one request; identical ones in
            // flight for the same caller are sent once.
            const merged = mergeEntityFetches(send);
            return sharing ? shareFetches(requestContext, merged) : merged;
          },
        })
      : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: compiled ?? gateway,
    // APQ over the trusted documents; in safelist mode nothing else is ever registered.
    persistedQueries: { cache: persistedQueryCache(trusted, { acceptNew: !safelist }) },
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGTERM/SIGINT (Apollo's handler would re-raise the signal mid-shutdown).
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    formatError: (formatted, error) => {
      // APQ's hash mismatch is the client's error, which Apollo codes as its own (it would be masked INTERNAL).
      const coded =
        formatted.message === 'provided sha does not match query'
          ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } }
          : formatted;
      const masked = formatGraphQLError(coded, error);
      if (masked.extensions?.['code'] === ErrorCode.INTERNAL)
        logger.error({ err: error }, 'operation failed');
      return masked;
    },
    plugins: [
      ...(armor.plugins as unknown as []),
      requireAuthentication(),
      operationMetrics(metrics.registry),
      internalErrorRequestId<GatewayContext>((context) => context.requestId),
      invalidRequestStatus(),
      drainHttpServer(httpServer),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing caches responses; the plugin would run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  if (compiled && trusted) warmPlans(compiled, trusted, logger);
  subscriptions.mount(httpServer, app, armor);

  if (!production || config.IONFLUX_PLAYGROUND_TOKEN) {
    app.use(
      createPlaygroundRouter({
        endpoint: '/graphql',
        defaultHeaders: config.IONFLUX_PLAYGROUND_TOKEN
          ? { Authorization: `Bearer ${config.IONFLUX_PLAYGROUND_TOKEN}` }
          : {},
      }),
    );
  }
  // The console holds no credential (the caller brings a JWT), so it is served in production too.
  app.use(createConsoleRouter({ endpoint: '/graphql' }));
  // The workspace's share of this process is checked first (limitGraphQLRequests), before the body is read.
  // Identical queries in flight (same body, caller and answer-relevant headers) run once (GATEWAY_SHARING).
  // Safelist mode: unregistered documents refused before Apollo sees them.
  const guarded = safelist && trusted ? refuseUntrustedDocuments(apollo, trusted) : apollo;
  const served = sharing
    ? shareIdenticalRequests(guarded, {
        metrics: sharingMetrics,
        maxTokens: armor.parseOptions.maxTokens,
        documentOf: (hash) => trusted?.byHash.get(hash),
      })
    : guarded;
  const graphql = createGraphQLHandler(served, {
    maxBodyBytes: 1024 * 1024,
    context: async (req, res): Promise<GatewayContext> => {
      const requestId = requestIdOf(res);
      const authorization = req.headers.authorization;
      if (!authorization) return { requestId };
      const verification = await verifyJwt(authorization);
      if (!verification.ok) {
        throw new GraphQLError(`Authentication failed: ${verification.reason}.`, {
          extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
        });
      }
      return { requestId, identity: { ...verification.caller, requestId } };
    },
  });
  const limitedGraphql = limitGraphQLRequests(graphql, {
    verifyJwt,
    limiter,
    metrics: rateLimitMetrics,
    holdMs: config.GATEWAY_RATE_LIMITED_HOLD_MS,
  });
  server.serveGraphQL(limitedGraphql);
  // GET /graphql; POST is served by the server itself, SSE subscriptions above.
  app.use('/graphql', (req, res, next) => {
    limitedGraphql(req, res).catch(next);
  });

  const { url, port } = await listen(httpServer, { host: config.HOST, port: config.PORT, portVar: 'PORT' });
  logger.info({ url }, 'gateway listening');
  const admin = await startAdminServer({
    host: config.HOST,
    port: config.ADMIN_PORT,
    logger,
    metrics,
    readinessChecks,
  });
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    ...(admin ? { adminUrl: admin.url } : {}),
    logger,
    subscriptions,
    close: async () => {
      await subscriptions.close();
      await apollo.stop();
      await subgraphFetcher.close();
      await llmRoutes.close();
      await providerRoutes.close();
      await admin?.close();
      limiter.close();
      await tracing.close();
    },
  };
}
