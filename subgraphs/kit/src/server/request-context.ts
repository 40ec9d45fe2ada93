import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '../identity/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';

const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request id of this request: the caller's `x-request-id` when sane, else a fresh UUID. */
export function requestIdOf(res: Response): string {
  return String(res.locals['requestId']);
}

/**
 * Gives every request an id (echoed in `x-request-id`), one log line when it ends and its metrics.
 * Health and metrics scrapes are counted but not logged, so logs stay about real traffic.
 */
export function requestContext(logger: Logger, metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header(REQUEST_ID_HEADER);
    const requestId = incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals['requestId'] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // originalUrl, not path: inside a router mounted at /graphql, req.path is '/'.
      const path = req.originalUrl.split('?')[0] ?? '/';
      const route = routeLabel(path);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.httpDuration.observe({ route, method: req.method }, seconds);
      if (route === '/healthz' || route === '/readyz' || route === '/metrics') return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
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
