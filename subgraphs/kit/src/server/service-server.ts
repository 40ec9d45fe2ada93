import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Express } from 'express';
import { ErrorCode } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';
import { type Tracing, traceServerRequests } from '../tracing/index.ts';
import { pathOf, trackRequest } from './request-context.ts';
import { sendGraphQLError } from './send-graphql-error.ts';
import { sendRouteError } from './send-route-error.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ServiceServer {
  httpServer: Server;
  /**
   * Serves `POST /graphql` (but not an SSE subscription, which accepts `text/event-stream`) with
   * `handle`, straight from Node's request, with the request id, access log and metrics every route
   * gets. Express's own work on each request (its request and response prototypes, the router) measured
   * at 6 % of the LLM subgraph's CPU per completion, 0.18 ms of its p50. Other requests go to the app,
   * which should serve `/graphql` as well (GET, SSE).
   */
  serveGraphQL(handle: NodeHandler): void;
  /**
   * Serves the requests `matches` picks with `handle`, straight from Node's request like
   * {@link ServiceServer.serveGraphQL}, before the app and the GraphQL route: for plain HTTP routes on a hot
   * path (a webhook burst's thousands a second). `matches` sees the raw request; `handle` must answer it.
   */
  serveDirect(matches: (req: IncomingMessage) => boolean, handle: NodeHandler): void;
}

/** The HTTP server of a service: the app, with the GraphQL POST route taken before it. */
export function createServiceServer(
  app: Express,
  { logger, metrics, tracing }: { logger: Logger; metrics: ServiceMetrics; tracing?: Tracing },
): ServiceServer {
  let graphql: NodeHandler | undefined;
  const direct: { matches(req: IncomingMessage): boolean; handle: NodeHandler }[] = [];
  // With the request id, access log and metrics every route gets; a handler that fails is logged and
  // answered 500 INTERNAL (in its route's error shape) if it had not answered yet.
  const serve = (
    handle: NodeHandler,
    req: IncomingMessage,
    res: ServerResponse,
    failed: { message: string; answer(): void },
  ) => {
    trackRequest(req, res, logger, metrics);
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, failed.message);
      if (res.headersSent) res.destroy();
      else failed.answer();
    });
  };
  const httpServer = createServer((req, res) => {
    const route = direct.find((candidate) => candidate.matches(req));
    if (route) {
      serve(route.handle, req, res, {
        message: 'request failed',
        answer: () => sendRouteError(res, ErrorCode.INTERNAL, 'Internal error.'),
      });
      return;
    }
    if (graphql === undefined || !isGraphQLPost(req)) {
      app(req, res);
      return;
    }
    serve(graphql, req, res, {
      message: 'GraphQL request failed',
      answer: () => sendGraphQLError(res, 500, ErrorCode.INTERNAL, 'Internal server error'),
    });
  });
  return {
    httpServer,
    serveGraphQL(handle) {
      // A SERVER span per GraphQL request, continuing the caller's traceparent (tracing on only).
      graphql = tracing ? traceServerRequests(tracing, '/graphql', handle) : handle;
    },
    serveDirect(matches, handle) {
      direct.push({ matches, handle });
    },
  };
}

/** For {@link ServiceServer.serveDirect}: the request's path (its target without the query) is exactly `path`. */
export function hasPath(path: string): (req: IncomingMessage) => boolean {
  return (req) => pathOf(req.url ?? '') === path;
}

function isGraphQLPost(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (
    req.method === 'POST' &&
    (url === '/graphql' || url.startsWith('/graphql?')) &&
    !req.headers.accept?.includes('text/event-stream')
  );
}
