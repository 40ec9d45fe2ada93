import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { createMetrics } from '../metrics/index.ts';
import { createServiceApp } from './create-service-app.ts';
import { requestIdOf } from './request-context.ts';
import { createServiceServer, type ServiceServer } from './service-server.ts';

let server: ServiceServer | undefined;
afterEach(async () => {
  server?.httpServer.closeAllConnections();
  await new Promise((resolve) => server?.httpServer.close(resolve));
  server = undefined;
});

async function start(graphql: Parameters<ServiceServer['serveGraphQL']>[0]) {
  const lines: { msg: string; level: number; requestId?: string; path?: string; status?: number }[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  const logger = createLogger({ service: 'test', level: 'info', destination: out });
  const metrics = createMetrics('test');
  const app = createServiceApp({ logger, metrics, readinessChecks: [] });
  app.use('/graphql', (_req, res) => {
    res.json({ servedBy: 'app', requestId: requestIdOf(res) });
  });
  const started = createServiceServer(app, { logger, metrics });
  server = started;
  started.serveGraphQL(graphql);
  await new Promise<void>((resolve) => server?.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, lines, metrics, server: started };
}

describe('createServiceServer', () => {
  it('serves POST /graphql with the GraphQL handler, with a request id, an access log line and metrics', async () => {
    const { url, lines, metrics } = await start(async (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ servedBy: 'graphql', requestId: requestIdOf(res) }));
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: '{}',
    });
    expect(await response.json()).toEqual({ servedBy: 'graphql', requestId: 'req-42' });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(lines.filter((line) => line.msg === 'request')).toMatchObject([
      { requestId: 'req-42', path: '/graphql', status: 200 },
    ]);
    expect(await metrics.registry.getSingleMetricAsString('ionflux_http_requests_total')).toMatch(
      /route="\/graphql",method="POST",status="200"[^}]*\} 1/,
    );
  });

  it('leaves GET /graphql and SSE subscriptions (Accept: text/event-stream) to the app', async () => {
    const { url } = await start(async () => {
      throw new Error('not this one');
    });
    const get = await fetch(`${url}?query=%7B__typename%7D`);
    expect(await get.json()).toMatchObject({ servedBy: 'app', requestId: expect.any(String) });
    const sse = await fetch(url, { method: 'POST', headers: { accept: 'text/event-stream' }, body: '{}' });
    expect(await sse.json()).toMatchObject({ servedBy: 'app' });
  });

  it('answers a handler that throws with 500 INTERNAL, and logs the error', async () => {
    const { url, lines } = await start(async () => {
      throw new Error('boom');
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }],
    });
    expect(lines.some((line) => line.msg === 'GraphQL request failed' && line.level === 50)).toBe(true);
  });

  it('serves the requests a direct route matches before the app and the GraphQL route, tracked like them', async () => {
    const { url, lines, metrics, server } = await start(async () => {
      throw new Error('not this one');
    });
    server.serveDirect(
      (req) => (req.url ?? '').startsWith('/webhooks/'),
      async (req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ servedBy: 'direct', path: req.url, requestId: requestIdOf(res) }));
      },
    );
    const origin = new URL(url).origin;
    const direct = await fetch(`${origin}/webhooks/shopify?x=1`, {
      method: 'POST',
      headers: { 'x-request-id': 'req-7' },
      body: '{}',
    });
    expect(await direct.json()).toEqual({
      servedBy: 'direct',
      path: '/webhooks/shopify?x=1',
      requestId: 'req-7',
    });
    expect(direct.headers.get('x-request-id')).toBe('req-7');
    expect(lines.filter((line) => line.msg === 'request')).toMatchObject([
      { requestId: 'req-7', path: '/webhooks/shopify', status: 200 },
    ]);
    expect(await metrics.registry.getSingleMetricAsString('ionflux_http_requests_total')).toMatch(
      /route="\/webhooks",method="POST",status="200"[^}]*\} 1/,
    );
    // Anything else still reaches the app.
    expect(await (await fetch(`${url}?query=%7B__typename%7D`)).json()).toMatchObject({ servedBy: 'app' });
  });

  it('answers a direct route that throws with 500 INTERNAL in the route error shape, and logs the error', async () => {
    const { url, lines, server } = await start(async () => {});
    server.serveDirect(
      () => true,
      async () => {
        throw new Error('boom');
      },
    );
    const response = await fetch(new URL('/webhooks/shopify', url), { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal error.' } });
    expect(lines.some((line) => line.msg === 'request failed' && line.level === 50)).toBe(true);
  });
});
