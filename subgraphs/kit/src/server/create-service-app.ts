import express, { type Express } from 'express';
import type { Logger } from '../logging/index.ts';
import type { ServiceMetrics } from '../metrics/index.ts';
import { requestContext } from './request-context.ts';

/** A named check `/readyz` runs; resolves true when the dependency answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface ServiceAppOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  readinessChecks: readonly ReadinessCheck[];
}

/**
 * The HTTP shell every IONFLUX service shares: request ids, access logs, metrics, and the operational
 * routes `/healthz` (the process is alive), `/readyz` (its dependencies answer) and `/metrics`.
 */
export function createServiceApp({ logger, metrics, readinessChecks }: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // API responses are not conditional GETs; an ETag would hash every response body.
  app.disable('etag');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(logger, metrics));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      readinessChecks.map(async ({ name, check }) => [name, await check().catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'ok' : 'failing'])),
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return app;
}
