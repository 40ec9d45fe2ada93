import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '../identity/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';

const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const requestIds = new WeakMap<ServerResponse, string>();

/** The request id of this request: the caller's `x-request-id` when sane, else a fresh UUID. */
export function requestIdOf(res: ServerResponse): string {
  const requestId = requestIds.get(res);
  if (requestId === undefined) throw new Error('requestIdOf: this response was not tracked by trackRequest');
  return requestId;
}

/**
 * Gives a request its id (echoed in `x-request-id`), one log line when it ends and its metrics. Health
 * and metrics scrapes are counted but not logged, so logs stay about real traffic.
 */
export function trackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  metrics: ServiceMetrics,
): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId =
    typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  requestIds.set(res, requestId);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  // Read now: a router mounted at a prefix rewrites req.url while it runs.
  const path = pathOf(req.url ?? '/') || '/';
  const method = req.method ?? 'GET';
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const route = routeLabel(path);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
    metrics.httpDuration.observe({ route, method }, seconds);
    if (route === '/healthz' || route === '/readyz' || route === '/metrics') return;
    logger.info(
      { requestId, method, path, status: res.statusCode, ms: Math.round(seconds * 1000) },
      'request',
    );
  });
  return requestId;
}

/** A request target's path: what precedes its query string. */
export function pathOf(target: string): string {
  const queryAt = target.indexOf('?');
  return queryAt < 0 ? target : target.slice(0, queryAt);
}

/** {@link trackRequest} as Express middleware, for every route the app serves. */
export function requestContext(logger: Logger, metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    trackRequest(req, res, logger, metrics);
    next();
  };
}

// Bounded label values: unknown paths share one label instead of one series per URL.
const knownRoutes = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/playground']);
function routeLabel(path: string): string {
  if (knownRoutes.has(path)) return path;
  if (path.startsWith('/playground/')) return '/playground/assets';
  if (path.startsWith('/oauth/')) return '/oauth';
  if (path.startsWith('/webhooks/')) return '/webhooks';
  return 'other';
}
