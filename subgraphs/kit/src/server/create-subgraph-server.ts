import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode, formatGraphQLError } from '../errors/index.ts';
import { IDENTITY_HEADER, type Identity, type IdentityVerifier } from '../identity/index.ts';
import type { Logger } from '../logging/index.ts';
import { drainHttpServer } from './drain-http-server.ts';
import { createGraphQLHandler } from './graphql-handler.ts';
import { internalErrorRequestId } from './internal-error-request-id.ts';
import { requestIdOf } from './request-context.ts';
import { sendGraphQLError } from './send-graphql-error.ts';
import type { ServiceServer } from './service-server.ts';

export interface SubgraphServerOptions<Context> {
  /** The subgraph's executable schema (`buildSubgraphSchema`). */
  schema: GraphQLSchema;
  /** Checks the gateway-signed identity, addressed to this subgraph. */
  identityVerifier: IdentityVerifier;
  logger: Logger;
  /** The service's server: its `POST /graphql` route is served here. */
  server: ServiceServer;
  /**
   * Builds the per-request context from the verified identity. `signal` aborts when the caller's HTTP
   * request closes before the answer is sent, so a provider call nobody waits for can be cancelled.
   */
  createContext(identity: Identity, signal: AbortSignal): Context;
  /** @default false in production */
  introspection: boolean;
}

/**
 * Mounts a federated subgraph at `/graphql`: POST on `server`, GET through `app`. Only the gateway may
 * call it: a request without a valid identity signature is refused with 401 before any GraphQL runs, so
 * every resolver sees a verified user and workspace.
 */
export async function mountSubgraph<Context extends object>(
  app: Express,
  options: SubgraphServerOptions<Context>,
): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: options.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGTERM/SIGINT: Apollo's own handler would stop the server, then raise the signal
    // again, which ends the process before the rest of close() (ledger writes, the pool) has run.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const masked = formatGraphQLError(formatted, error);
      if (masked.extensions?.['code'] === ErrorCode.INTERNAL)
        options.logger.error({ err: error }, 'resolver failed');
      else if (masked.extensions?.['reason'] === 'DATABASE_UNAVAILABLE')
        options.logger.warn({ err: error }, 'database unreachable');
      return masked;
    },
    plugins: [
      internalErrorRequestId<Context>((context) => requestIdOfContext(context)),
      drainHttpServer(options.server.httpServer),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces feed Apollo Studio, which IONFLUX does not use; they cost time on every fetch. Cache
      // hints: nothing caches responses, and the plugin runs a hook on every resolved field.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  // The verified caller of each request, from the identity check to the context.
  const identities = new WeakMap<ServerResponse, Identity>();
  const graphql = createGraphQLHandler(apollo, {
    maxBodyBytes: 2 * 1024 * 1024,
    context: async (_req, res) => {
      const controller = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) controller.abort(new Error('the caller went away'));
      });
      const identity = identities.get(res) as Identity;
      const context = options.createContext(identity, controller.signal);
      // Apollo copies the context (own properties) per operation: the id must travel as one of them.
      Object.assign(context, { [REQUEST_ID]: identity.requestId });
      return context;
    },
  });
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const verification = options.identityVerifier.verify(headerOf(req, IDENTITY_HEADER));
    if (!verification.ok) {
      sendGraphQLError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        `This subgraph only answers the IONFLUX gateway (${verification.reason}); send requests to the gateway.`,
      );
      return Promise.resolve();
    }
    // The gateway's request id, checked and kept by trackRequest, unless the token names one.
    identities.set(res, { requestId: requestIdOf(res), ...verification.identity });
    return graphql(req, res);
  };
  options.server.serveGraphQL(serve);
  // GET /graphql (queries only) and anything else the fast path leaves to the app.
  app.use('/graphql', (req, res, next) => {
    serve(req, res).catch(next);
  });
  return apollo;
}

/** Where the request id an INTERNAL error is reported under rides on a subgraph's context. */
const REQUEST_ID = Symbol('ionflux.requestId');

function requestIdOfContext(context: object): string | undefined {
  const requestId = (context as { [REQUEST_ID]?: unknown })[REQUEST_ID];
  return typeof requestId === 'string' ? requestId : undefined;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
