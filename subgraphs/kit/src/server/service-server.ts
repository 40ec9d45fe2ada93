import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Express } from 'express';
import { ErrorCode } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';
import { type Tracing, traceServerRequests } from '../tracing/index.ts';
import { trackRequest } from './request-context.ts';
import { sendGraphQLError } from './send-graphql-error.ts';

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
}

/** The HTTP server of a service: the app, with the GraphQL POST route taken before it. */
export function createServiceServer(
  app: Express,
  { logger, metrics, tracing }: { logger: Logger; metrics: ServiceMetrics; tracing?: Tracing },
): ServiceServer {
  let graphql: NodeHandler | undefined;
  const httpServer = createServer((req, res) => {
    if (graphql === undefined || !isGraphQLPost(req)) {
      app(req, res);
      return;
    }
    trackRequest(req, res, logger, metrics);
    graphql(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'GraphQL request failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendGraphQLError(res, 500, ErrorCode.INTERNAL, 'Internal server error');
    });
  });
  return {
    httpServer,
    serveGraphQL(handle) {
      // A SERVER span per GraphQL request, continuing the caller's traceparent (tracing on only).
      graphql = tracing ? traceServerRequests(tracing, '/graphql', handle) : handle;
    },
  };
}

function isGraphQLPost(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (
    req.method === 'POST' &&
    (url === '/graphql' || url.startsWith('/graphql?')) &&
    !req.headers.accept?.includes('text/event-stream')
  );
}
