import { postGraphQL } from '@ionflux/testing/http';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: SystemUnderTest;
let stopped = false;
beforeAll(async () => {
  // Port 0: every service gets an admin port of its own.
  system = await startSystem({ ADMIN_PORT: '0' });
});
afterAll(async () => {
  if (!stopped) await system?.stop();
});

const services = () => ({
  gateway: { url: system.gatewayUrl, adminUrl: system.gateway.adminUrl },
  llm: system.subgraphs.llm,
  shopify: system.subgraphs.shopify,
  tiktok: system.subgraphs.tiktok,
});

describe('ADMIN_PORT', () => {
  it('gives every service an admin server on a port other than its public one', () => {
    for (const [name, { url, adminUrl }] of Object.entries(services())) {
      expect(adminUrl, name).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(adminUrl, name).not.toBe(url);
    }
  });

  it('answers /readyz and /metrics on the public port with 404, and /healthz with 200', async () => {
    for (const [name, { url }] of Object.entries(services())) {
      for (const path of ['/readyz', '/metrics']) {
        const response = await fetch(`${url}${path}`);
        expect(response.status, `${name} ${path}`).toBe(404);
        const text = await response.text();
        expect(text, name).not.toContain('ionflux_http_requests_total');
        expect(text, name).not.toContain('ready');
      }
      const head = await fetch(`${url}/metrics`, { method: 'HEAD' });
      expect(head.status, name).toBe(404);
      const health = await fetch(`${url}/healthz`);
      expect(health.status, name).toBe(200);
      await health.body?.cancel();
    }
  });

  it('serves /healthz, /readyz and /metrics on the admin port, and nothing else', async () => {
    for (const [name, { adminUrl }] of Object.entries(services())) {
      const ready = await fetch(`${adminUrl}/readyz`);
      expect(ready.status, name).toBe(200);
      expect(await ready.json(), name).toMatchObject({ status: 'ready' });
      const metrics = await (await fetch(`${adminUrl}/metrics`)).text();
      expect(metrics, name).toContain('ionflux_http_requests_total');
      expect(metrics, name).toContain(`service="${name}"`);
      expect((await fetch(`${adminUrl}/healthz`)).status, name).toBe(200);
      for (const path of ['/graphql', '/playground', '/oauth/shopify/callback']) {
        const other = await fetch(`${adminUrl}${path}`);
        expect(other.status, `${name} ${path}`).toBe(404);
        await other.body?.cancel();
      }
    }
  });

  it('keeps the gateway ready by asking each subgraph on its admin port, and serving queries', async () => {
    const ready = await fetch(`${system.gateway.adminUrl}/readyz`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { 'subgraph:llm': 'ok', 'subgraph:shopify': 'ok', 'subgraph:tiktok': 'ok' },
    });
    const { status, body } = await postGraphQL(system.gatewayUrl, '{ llmProviders { id } }', {
      token: system.token,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('closes every admin server when the services stop', async () => {
    const adminUrls = Object.values(services()).map((service) => service.adminUrl);
    // A scraper's keep-alive connection must not hold shutdown open.
    await fetch(`${adminUrls[0]}/metrics`, { headers: { connection: 'keep-alive' } }).then((r) => r.text());
    stopped = true;
    await system.stop();
    for (const adminUrl of adminUrls) {
      await expect(fetch(`${adminUrl}/healthz`), adminUrl).rejects.toThrow();
    }
  });
});
