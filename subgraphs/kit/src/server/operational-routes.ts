import type { Express } from 'express';
import type { ServiceMetrics } from '../metrics/index.ts';

/** A named check `/readyz` runs; resolves true when the dependency answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

/** `/healthz`, `/readyz` and `/metrics`, on the public app or on the admin server. */
export function mountOperationalRoutes(
  app: Express,
  { metrics, readinessChecks }: { metrics: ServiceMetrics; readinessChecks: readonly ReadinessCheck[] },
): void {
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
}
