import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from './build.ts';
import { createConsoleRouter } from './create-console-router.ts';

async function serve(distDir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(createConsoleRouter({ distDir }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let dir: string;
let built: { url: string; server: Server };
let missing: { url: string; server: Server };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-build-'));
  await buildConsole({ outDir: join(dir, 'console') });
  [built, missing] = await Promise.all([serve(join(dir, 'console')), serve(join(dir, 'not-built'))]);
}, 60_000);

afterAll(async () => {
  for (const { server } of [built, missing]) await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('GET /console', () => {
  it('serves the page with a strict CSP, no inline script and no credential', async () => {
    const response = await fetch(`${built.url}/console`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toMatch(/Bearer|eyJ/);
    const script = html.match(/src="([^"]+\.js)"/)?.[1];
    const asset = await fetch(`${built.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for an unknown asset, and 503 while the bundle is not built', async () => {
    expect((await fetch(`${built.url}/console/assets/..%2f..%2fmanifest.json`)).status).toBe(404);
    expect((await fetch(`${built.url}/console/assets/nope.js`)).status).toBe(404);
    const notBuilt = await fetch(`${missing.url}/console`);
    expect(notBuilt.status).toBe(503);
    expect(await notBuilt.text()).toContain('npm run build');
  });
});
