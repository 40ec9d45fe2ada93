import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ShopifySimulator,
  signBody,
  signQuery,
  startShopifySimulator,
} from '../../sandbox/src/shopify/index.ts';
import { launchBrowser, newLoopbackOnlyContext } from '../support/browser.ts';
import { findPlaintext } from '../support/find-plaintext.ts';
import { postGraphQL } from '../support/graphql-client.ts';
import { startSystem } from '../support/start-system.ts';

const API_KEY = 'connect-test-client-id';
const API_SECRET = 'connect-test-client-secret';

let simulator: ShopifySimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let sql: postgres.Sql;
let publicUrl: string;
const originalFetch = globalThis.fetch;
/** Every access and refresh token the app received from the simulator (for the plaintext scan). */
const issuedTokens: string[] = [];

const START = `mutation ($brandId: ID!, $shop: String!, $scopes: [String!]) {
  startShopifyConnection(brandId: $brandId, shop: $shop, scopes: $scopes) { authorizationUrl state expiresAt }
}`;
const CONNECTIONS = '{ shopifyConnections { id shop status scopes } }';
const NOTIFICATIONS = '{ workspaceNotifications { kind title } }';

interface Connection {
  id: string;
  shop: string;
  status: string;
  scopes: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function start(shop: string, scopes = ['read_products', 'read_orders'], token = system.token) {
  return postGraphQL<{
    startShopifyConnection: { authorizationUrl: string; state: string; expiresAt: string };
  }>(system.gatewayUrl, START, { token, variables: { brandId: randomUUID(), shop, scopes } });
}

/** Approves on the simulator as a script would (POST the authorize URL) and returns the callback URL. */
async function approve(authorizationUrl: string): Promise<URL> {
  const answer = await fetch(authorizationUrl, { method: 'POST', redirect: 'manual' });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`no redirect from the consent page (${answer.status})`);
  return new URL(location);
}

async function connections(token = system.token): Promise<Connection[]> {
  const answer = await postGraphQL<{ shopifyConnections: Connection[] }>(system.gatewayUrl, CONNECTIONS, {
    token,
  });
  return answer.body.data?.shopifyConnections ?? [];
}

async function notifications(token = system.token): Promise<{ kind: string; title: string }[]> {
  const answer = await postGraphQL<{ workspaceNotifications: { kind: string; title: string }[] }>(
    system.gatewayUrl,
    NOTIFICATIONS,
    { token },
  );
  return answer.body.data?.workspaceNotifications ?? [];
}

async function storedConnections(shop: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from kit.integration_connections where account_id = ${shop}`;
  return row?.n ?? 0;
}

beforeAll(async () => {
  // The app's token exchanges go through the global fetch: keep what the simulator issued.
  globalThis.fetch = async (input, init) => {
    const answer = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/admin/oauth/access_token') && answer.ok) {
      const body = (await answer.clone().json()) as { access_token?: string; refresh_token?: string };
      for (const token of [body.access_token, body.refresh_token]) if (token) issuedTokens.push(token);
    }
    return answer;
  };
  simulator = await startShopifySimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    webhookRetryDelaysMs: [20, 40],
  });
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  [system, browser] = await Promise.all([
    startSystem({
      PORT: String(port),
      IONFLUX_PUBLIC_URL: publicUrl,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
      SHOPIFY_API_VERSION: simulator.apiVersion,
    }),
    launchBrowser(),
  ]);
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  globalThis.fetch = originalFetch;
  await browser?.close();
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('connecting a Shopify store through the gateway', () => {
  it('runs the whole OAuth flow in Chromium: consent page, callback at the gateway, CONNECTED and notified', async () => {
    const started = await start(simulator.demoShop);
    expect(started.body.errors).toBeUndefined();
    const { authorizationUrl, state } = started.body.data?.startShopifyConnection ?? {};
    expect(authorizationUrl).toContain(`/store/${simulator.demoShop}/admin/oauth/authorize`);
    expect(new URL(authorizationUrl ?? '').searchParams.get('redirect_uri')).toBe(
      `${publicUrl}/oauth/shopify/callback`,
    );
    expect(state).toBeTruthy();

    const { context, offRequests } = await newLoopbackOnlyContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(authorizationUrl ?? '');
      await page.getByRole('button', { name: 'Install app' }).click();
      await page.waitForURL(`${publicUrl}/oauth/shopify/callback?**`);
      await expect.poll(() => page.textContent('h1')).toBe('Shopify store connected');
      expect(offRequests).toEqual([]);
    } finally {
      await context.close();
    }

    const [connection] = await connections();
    expect(connection).toMatchObject({ shop: simulator.demoShop, status: 'CONNECTED' });
    expect(connection?.scopes).toEqual(expect.arrayContaining(['read_products', 'read_orders']));
    const seen = await notifications();
    expect(seen).toContainEqual({
      kind: 'CONNECTION_CONNECTED',
      title: expect.stringContaining(`${simulator.demoShop} connected`),
    });
  }, 60_000);

  it('reconnecting the same shop updates its connection instead of adding one', async () => {
    const before = await connections();
    const started = await start(simulator.demoShop, ['read_products', 'read_orders', 'read_customers']);
    const callback = await approve(started.body.data?.startShopifyConnection.authorizationUrl ?? '');
    const answer = await fetch(callback);
    expect(answer.status).toBe(200);
    const after = await connections();
    expect(after).toHaveLength(before.length);
    expect(after[0]?.id).toBe(before[0]?.id);
    expect(after[0]?.scopes).toContain('read_customers');
  });

  it('keeps no token readable in the database', async () => {
    expect(issuedTokens.length).toBeGreaterThan(0);
    expect(await findPlaintext(system.databaseUrl, issuedTokens)).toEqual([]);
  });

  it('refuses a callback whose HMAC was tampered with, storing nothing', async () => {
    const shop = 'tamper-test.myshopify.com';
    const callback = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    const hmac = callback.searchParams.get('hmac') ?? '';
    callback.searchParams.set('hmac', `${hmac.slice(0, -1)}${hmac.endsWith('0') ? '1' : '0'}`);
    const answer = await fetch(callback);
    expect(answer.status).toBe(400);
    expect(await storedConnections(shop)).toBe(0);
    // The signed query with a changed parameter fails the same way.
    callback.searchParams.set('hmac', hmac);
    callback.searchParams.set('shop', 'other.myshopify.com');
    expect((await fetch(callback)).status).toBe(400);
    expect(await storedConnections('other.myshopify.com')).toBe(0);
  });

  it('refuses a correctly signed callback whose timestamp is stale, storing nothing', async () => {
    const shop = 'stale-test.myshopify.com';
    const callback = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    callback.searchParams.set('timestamp', String(Math.floor(Date.now() / 1000) - 3600));
    callback.searchParams.delete('hmac');
    callback.searchParams.set('hmac', signQuery(callback.searchParams, API_SECRET));
    const answer = await fetch(callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('too old');
    expect(await storedConnections(shop)).toBe(0);
  });

  it('proxies /oauth/tiktok/* and /webhooks/tiktok to the TikTok subgraph (which has no such routes yet)', async () => {
    expect((await fetch(`${system.gatewayUrl}/oauth/tiktok/callback?code=x`)).status).toBe(404);
    expect((await fetch(`${system.gatewayUrl}/webhooks/tiktok`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
  });

  it('refuses a replayed state: the second callback with the same state stores nothing', async () => {
    const shop = 'replay-test.myshopify.com';
    const callback = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    expect((await fetch(callback)).status).toBe(200);
    const [before] = await sql<{ updated_at: Date }[]>`
      select updated_at from kit.integration_connections where account_id = ${shop}`;
    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already completed');
    const [after] = await sql<{ updated_at: Date }[]>`
      select updated_at from kit.integration_connections where account_id = ${shop}`;
    expect(await storedConnections(shop)).toBe(1);
    expect(after?.updated_at).toEqual(before?.updated_at);
  });

  it('refuses an expired state, storing nothing', async () => {
    const shop = 'expired-test.myshopify.com';
    const started = await start(shop);
    const callback = await approve(started.body.data?.startShopifyConnection.authorizationUrl ?? '');
    // Ten minutes pass: the stored state is past its expiry.
    await sql`update kit.oauth_states set expires_at = now() - interval '1 second'
      where account_hint = ${shop}`;
    const answer = await fetch(callback);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('took too long');
    expect(await storedConnections(shop)).toBe(0);
  });

  it('refuses a foreign shop domain with INVALID_REQUEST and no authorization URL', async () => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from kit.oauth_states`;
    for (const shop of [
      'evil.com',
      'x.myshopify.com.evil.com',
      'https://evil.com/x.myshopify.com',
      'a b.myshopify.com',
    ]) {
      const answer = await start(shop);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(JSON.stringify(answer.body)).not.toContain('authorize');
    }
    const [after] = await sql<{ n: number }[]>`select count(*)::int as n from kit.oauth_states`;
    expect(after?.n).toBe(row?.n);
  });

  it('refuses a webhook with a bad HMAC through the gateway with 401, storing nothing', async () => {
    const body = JSON.stringify({ id: 1 });
    const webhookId = randomUUID();
    const answer = await fetch(`${system.gatewayUrl}/webhooks/shopify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'app/uninstalled',
        'x-shopify-shop-domain': simulator.demoShop,
        'x-shopify-webhook-id': webhookId,
        'x-shopify-hmac-sha256': signBody(Buffer.from(body), 'not-the-secret'),
      },
      body,
    });
    expect(answer.status).toBe(401);
    const rows = await sql`select 1 from kit.webhook_deliveries where delivery_id = ${webhookId}`;
    expect(rows).toHaveLength(0);
    expect((await connections())[0]?.status).toBe('CONNECTED');
  });

  it('disconnects a store with disconnectShopifyConnection: token deleted, DISCONNECTED, notified', async () => {
    const shop = 'disconnect-test.myshopify.com';
    const callback = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    expect((await fetch(callback)).status).toBe(200);
    const connection = (await connections()).find((c) => c.shop === shop);
    const answer = await postGraphQL<{ disconnectShopifyConnection: Connection }>(
      system.gatewayUrl,
      'mutation ($id: ID!) { disconnectShopifyConnection(connectionId: $id) { id status } }',
      { token: system.token, variables: { id: connection?.id } },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.disconnectShopifyConnection).toEqual({
      id: connection?.id,
      status: 'DISCONNECTED',
    });
    const credentials =
      await sql`select 1 from kit.connection_credentials where connection_id = ${connection?.id ?? ''}`;
    expect(credentials).toHaveLength(0);
    expect(await notifications()).toContainEqual({
      kind: 'CONNECTION_DISCONNECTED',
      title: expect.stringContaining(shop),
    });
    // Another workspace cannot disconnect it (or learn that it exists).
    const other = await postGraphQL(
      system.gatewayUrl,
      'mutation ($id: ID!) { disconnectShopifyConnection(connectionId: $id) { id } }',
      { token: await system.tokenFor(randomUUID()), variables: { id: connection?.id } },
    );
    expect(other.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('app/uninstalled (subscribed on connect) from the simulator through the gateway disconnects the store and notifies', async () => {
    const shop = simulator.demoShop;
    // The app subscribed app/uninstalled to the gateway's /webhooks/shopify when the store connected.
    expect(await storedConnections(shop)).toBe(1);

    const control = await fetch(`${simulator.url}/_control/shops/${shop}/uninstall`, { method: 'POST' });
    expect(control.status).toBe(200);
    await simulator.webhooksIdle();
    const delivered = simulator.deliveries({ topic: 'app/uninstalled', shop });
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((d) => d.url === `${publicUrl}/webhooks/shopify`)).toBe(true);
    expect(delivered.every((d) => d.attempts.at(-1)?.status === 200)).toBe(true);

    await expect
      .poll(async () => (await connections()).find((c) => c.shop === shop)?.status, { timeout: 15_000 })
      .toBe('DISCONNECTED');
    expect(await notifications()).toContainEqual({
      kind: 'CONNECTION_UNINSTALLED',
      title: expect.stringContaining(shop),
    });
    const credentials = await sql`select 1 from kit.connection_credentials c
      join kit.integration_connections i on i.id = c.connection_id where i.account_id = ${shop}`;
    expect(credentials).toHaveLength(0);
    const [delivery] = await sql<{ status: string }[]>`
      select status from kit.webhook_deliveries where topic = 'app/uninstalled' and account_id = ${shop}`;
    expect(delivery?.status).toBe('PROCESSED');
  }, 30_000);
});
