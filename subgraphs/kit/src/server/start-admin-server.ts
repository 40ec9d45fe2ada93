import { createServer } from 'node:http';
import express from 'express';
import { ErrorCode } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';
import { listen } from './listen.ts';
import { mountOperationalRoutes, type ReadinessCheck } from './operational-routes.ts';
import { requestContext } from './request-context.ts';

export interface AdminServerOptions {
  host: string;
  /** `ADMIN_PORT`; unset → no admin server (the public app serves the operational routes). */
  port: number | undefined;
  logger: Logger;
  metrics: ServiceMetrics;
  readinessChecks: readonly ReadinessCheck[];
}

export interface AdminServer {
  url: string;
  port: number;
  /** Stops listening and drops open scrape connections. */
  close(): Promise<void>;
}

/**
 * The admin server of a service started with `ADMIN_PORT`: `/healthz`, `/readyz` and `/metrics` on a
 * port of their own, which production keeps off the public network; anything else is 404. Pair it with
 * `createServiceApp({ adminPortSet: true })`. Resolves undefined when no admin port is configured.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer | undefined> {
  if (options.port === undefined) return undefined;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(options.logger, options.metrics));
  mountOperationalRoutes(app, options);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'Not found.' } });
  });
  const server = createServer(app);
  const { url, port } = await listen(server, {
    host: options.host,
    port: options.port,
    portVar: 'ADMIN_PORT',
  });
  options.logger.info({ url }, 'admin routes (/readyz, /metrics) listening');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A scraper's keep-alive socket would hold close() open until it times out.
        server.closeAllConnections();
      }),
  };
}
