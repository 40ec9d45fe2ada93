import express, { type Express } from 'express';
import { ErrorCode } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';
import { mountOperationalRoutes, type ReadinessCheck } from './operational-routes.ts';
import { requestContext } from './request-context.ts';

export type { ReadinessCheck } from './operational-routes.ts';

export interface ServiceAppOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  readinessChecks: readonly ReadinessCheck[];
  /**
   * `/readyz` and `/metrics` are served by the admin server (`ADMIN_PORT`, {@link startAdminServer}):
   * this app answers 404 for them. @default false
   */
  adminPortSet?: boolean;
}

/**
 * The HTTP shell every IONFLUX service shares: request ids, access logs, metrics, and the operational
 * routes `/healthz` (the process is alive), `/readyz` (its dependencies answer) and `/metrics`, the last
 * two only when no admin port takes them.
 */
export function createServiceApp({
  logger,
  metrics,
  readinessChecks,
  adminPortSet = false,
}: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // API responses are not conditional GETs; an ETag would hash every response body.
  app.disable('etag');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(logger, metrics));
  if (!adminPortSet) {
    mountOperationalRoutes(app, { metrics, readinessChecks });
    return app;
  }
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Answered here, not left to fall through, so no later route of the service can serve them.
  app.all(['/readyz', '/metrics'], (_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'Not found.' } });
  });
  return app;
}
