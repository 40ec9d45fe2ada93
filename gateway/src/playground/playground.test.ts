import { access, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  launchBrowser,
  newLoopbackOnlyContext,
  openPlayground,
  readHeaderEditor,
  readResponse,
  runQuery,
  setHeaders,
} from '@ionflux/testing/browser';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from './build.ts';
import { createPlaygroundRouter } from './create-playground-router.ts';
import { DEFAULT_PLAYGROUND_DIST_DIR } from './default-dist-dir.ts';
import { PLAYGROUND_MANIFEST_FILE } from './playground-manifest.ts';

const devAuthorization = 'Bearer dev.jwt.for-the-playground-test';

type SeenRequest = { authorization: string | undefined; query: string };

async function startApp(): Promise<{ url: string; seen: SeenRequest[]; stop(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { greeting: String! }',
    resolvers: { Query: { greeting: () => 'hello from the gateway' } },
  });
  await apollo.start();
  const seen: SeenRequest[] = [];
  const app = express();
  app.use(createPlaygroundRouter({ defaultHeaders: { Authorization: devAuthorization } }));
  app.use(
    '/graphql',
    express.json(),
    (req, _res, next) => {
      const body: unknown = req.body;
      const query = typeof body === 'object' && body !== null && 'query' in body ? String(body.query) : '';
      seen.push({ authorization: req.headers.authorization, query });
      next();
    },
    expressMiddleware(apollo),
  );
  const server = await listen(app);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

async function listen(app: express.Express): Promise<Server> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  const built = await access(join(DEFAULT_PLAYGROUND_DIST_DIR, PLAYGROUND_MANIFEST_FILE)).then(
    () => true,
    () => false,
  );
  if (!built) await buildPlayground();
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('GET /playground', () => {
  it('serves the page under a CSP that allows only its own origin and no inline script', async () => {
    const response = await fetch(`${app.url}/playground`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const html = await response.text();
    expect(html).not.toMatch(/<script>|<script type="module">/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('embeds default headers as inert JSON, even ones that try to close the script element', async () => {
    const router = createPlaygroundRouter({
      defaultHeaders: { 'X-Note': '</script><script>alert(1)</script>' },
    });
    const server = await listen(express().use(router));
    try {
      const { port } = server.address() as AddressInfo;
      const html = await (await fetch(`http://127.0.0.1:${port}/playground`)).text();
      expect(html).not.toContain('</script><script>alert');
      expect(html).toContain('\\u003c/script\\u003e');
    } finally {
      server.close();
    }
  });

  it('serves its assets with content-hashed names as immutable', async () => {
    const html = await (await fetch(`${app.url}/playground`)).text();
    const scriptPath = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(scriptPath).toMatch(/^\/playground\/assets\/main-\w+\.js$/);
    const asset = await fetch(`${app.url}${scriptPath}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${app.url}/playground/assets/nothing.js`)).status).toBe(404);
  });

  it('answers 503 naming the build command while the bundle is not built', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'playground-empty-'));
    const server = await listen(express().use(createPlaygroundRouter({ distDir: emptyDir })));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/playground`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('playground bundle not built: run npm run build');
    } finally {
      server.close();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('GET /', () => {
  it('redirects to the playground', async () => {
    const response = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });
});

describe('the playground in headless Chromium', () => {
  it('runs a query with the default headers and shows the result, with no request off loopback', async () => {
    const { context, offRequests } = await newLoopbackOnlyContext(browser);
    try {
      const { page, problems } = await openPlayground(context, `${app.url}/playground`);

      expect(await readHeaderEditor(page)).toContain(`"Authorization": "${devAuthorization}"`);

      await runQuery(page, '{ greeting }');
      await expect
        .poll(() => readResponse(page), { timeout: 15_000 })
        .toContain('"greeting": "hello from the gateway"');

      const operation = app.seen.find(({ query }) => query.includes('greeting'));
      expect(operation?.authorization).toBe(devAuthorization);
      expect(offRequests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends the headers typed into the header editor', async () => {
    const { context } = await newLoopbackOnlyContext(browser);
    try {
      const { page, problems } = await openPlayground(context, `${app.url}/playground`);

      await setHeaders(page, { Authorization: 'Bearer typed-by-hand' });
      await runQuery(page, 'query Typed { greeting }');
      await expect.poll(() => readResponse(page), { timeout: 15_000 }).toContain('"greeting"');

      const operation = app.seen.find(({ query }) => query.includes('Typed'));
      expect(operation?.authorization).toBe('Bearer typed-by-hand');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
