import { randomUUID } from 'node:crypto';
import { bindingCookieName, deriveOAuthSigningKey, newBindingCookie } from '@ionflux/kit/oauth';
import { freePort } from '@ionflux/kit/server';
import { type ShopifySimulator, signBody, signQuery, startShopifySimulator } from '@ionflux/sandbox/shopify';
import { launchBrowser, newLoopbackOnlyContext } from '@ionflux/testing/browser';
import { findPlaintext } from '@ionflux/testing/database';
import { CookieJar, postGraphQL } from '@ionflux/testing/http';
import { startSystem } from '@ionflux/testing/system';
import type { Browser } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

async function start(shop: string, scopes = ['read_products', 'read_orders'], token = system.token) {
  return postGraphQL<{
    startShopifyConnection: { authorizationUrl: string; state: string; expiresAt: string };
  }>(system.gatewayUrl, START, { token, variables: { brandId: randomUUID(), shop, scopes } });
}

/**
 * Opens the start link in a browser-like client (its cookie jar keeps the binding cookie), approves on
 * the simulator as a script would (POST the authorize URL) and returns the callback URL and that client,
 * which must bring the callback back.
 */
async function approve(
  authorizationUrl: string,
  browser = new CookieJar(),
): Promise<{ callback: URL; browser: CookieJar }> {
  const started = await browser.fetch(authorizationUrl);
  const consent = started.headers.get('location');
  if (started.status !== 302 || !consent) throw new Error(`the start route answered ${started.status}`);
  const answer = await fetch(consent, { method: 'POST', redirect: 'manual' });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`no redirect from the consent page (${answer.status})`);
  return { callback: new URL(location), browser };
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
    // A link to the gateway's start route, which binds this browser and redirects to the consent page.
    expect(authorizationUrl).toBe(`${publicUrl}/oauth/shopify/start?state=${state}`);
    expect(state).toBeTruthy();

    const { context, offRequests } = await newLoopbackOnlyContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(authorizationUrl ?? '');
      const consent = new URL(page.url());
      expect(consent.pathname).toBe(`/store/${simulator.demoShop}/admin/oauth/authorize`);
      expect(consent.searchParams.get('redirect_uri')).toBe(`${publicUrl}/oauth/shopify/callback`);
      const cookies = await context.cookies(`${publicUrl}/oauth/shopify/callback`);
      expect(cookies.map(({ httpOnly, sameSite }) => ({ httpOnly, sameSite }))).toEqual([
        { httpOnly: true, sameSite: 'Lax' },
      ]);
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
    const { callback, browser } = await approve(
      started.body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    const answer = await browser.fetch(callback);
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
    const { callback } = await approve(
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
    const { callback, browser } = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    callback.searchParams.set('timestamp', String(Math.floor(Date.now() / 1000) - 3600));
    callback.searchParams.delete('hmac');
    callback.searchParams.set('hmac', signQuery(callback.searchParams, API_SECRET));
    const answer = await browser.fetch(callback);
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
    const { callback, browser } = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    expect((await browser.fetch(callback)).status).toBe(200);
    const [before] = await sql<{ updated_at: Date }[]>`
      select updated_at from kit.integration_connections where account_id = ${shop}`;
    const replay = await browser.fetch(callback);
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
    const { callback, browser } = await approve(
      started.body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    // Ten minutes pass: the stored state is past its expiry.
    await sql`update kit.oauth_states set expires_at = now() - interval '1 second'
      where account_hint = ${shop}`;
    const answer = await browser.fetch(callback);
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
    const { callback, browser } = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    expect((await browser.fetch(callback)).status).toBe(200);
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

describe('binding the OAuth flow to the browser that started it', () => {
  const stateRow = async (shop: string) =>
    (
      await sql<{ consumed_at: Date | null; started_at: Date | null }[]>`
        select consumed_at, started_at from kit.oauth_states where account_hint = ${shop}`
    )[0];

  it('a callback opened in another Chromium context or by plain fetch connects nothing and stores nothing; the browser that started it still finishes', async () => {
    const shop = 'browser-binding.myshopify.com';
    const started = await start(shop);
    const authorizationUrl = started.body.data?.startShopifyConnection.authorizationUrl ?? '';
    const starting = await newLoopbackOnlyContext(browser);
    const other = await newLoopbackOnlyContext(browser);
    try {
      // The starting browser goes through the consent page; its trip back to the callback is held (a
      // redirect is not routable, so the consent form's POST is answered here with what Shopify sent).
      let callbackUrl: string | undefined;
      await starting.context.route(
        (url) => url.pathname.endsWith('/admin/oauth/authorize'),
        async (route) => {
          if (route.request().method() !== 'POST') return route.fallback();
          const consented = await route.fetch({ maxRedirects: 0 });
          callbackUrl = consented.headers()['location'];
          return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>held</h1>' });
        },
      );
      const page = await starting.context.newPage();
      await page.goto(authorizationUrl);
      await page.getByRole('button', { name: 'Install app' }).click();
      await expect.poll(() => callbackUrl).toBeTruthy();
      const exchangesBefore = issuedTokens.length;

      // The signed callback URL opened in another browser (a context without the cookie).
      const elsewhere = await other.context.newPage();
      const refused = await elsewhere.goto(callbackUrl ?? '');
      expect(refused?.status()).toBe(403);
      expect(await elsewhere.textContent('h1')).toBe('Shopify connection failed');
      expect(await elsewhere.textContent('body')).toContain('FORBIDDEN');
      // … and by plain fetch, asking for JSON or not.
      const json = await fetch(callbackUrl ?? '', { headers: { accept: 'application/json' } });
      expect(json.status).toBe(403);
      expect(await json.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const html = await fetch(callbackUrl ?? '');
      expect(html.status).toBe(403);
      expect(await html.text()).toContain('<code>FORBIDDEN</code>');

      expect(await storedConnections(shop)).toBe(0);
      expect(issuedTokens.length).toBe(exchangesBefore);
      expect((await stateRow(shop))?.consumed_at).toBeNull();

      // The browser that started the flow can still finish it.
      await page.goto(callbackUrl ?? '');
      await expect.poll(() => page.textContent('h1')).toBe('Shopify store connected');
      expect(await storedConnections(shop)).toBe(1);
      expect(starting.offRequests).toEqual([]);
      // The connection records who made it: the user whose start it was.
      const [row] = await sql<{ connected_by: string }[]>`
        select connected_by from kit.integration_connections where account_id = ${shop}`;
      expect(row?.connected_by).toBe(system.userId);
      // The binding cookie is gone once the flow is over.
      expect(await starting.context.cookies(`${publicUrl}/oauth/shopify/callback`)).toEqual([]);
    } finally {
      await starting.context.close();
      await other.context.close();
    }
  }, 60_000);

  it('refuses a callback with no cookie, a forged one, another flow’s or another nonce’s: 403 FORBIDDEN, nothing exchanged, the state not consumed', async () => {
    const shop = 'cookie-variants.myshopify.com';
    const { callback, browser: starting } = await approve(
      (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    const state = callback.searchParams.get('state') ?? '';
    const name = bindingCookieName('shopify', state);
    const { browser: otherFlow } = await approve(
      (await start('cookie-other.myshopify.com')).body.data?.startShopifyConnection.authorizationUrl ?? '',
    );
    const otherCookie = otherFlow.header(`${publicUrl}/oauth/shopify/callback`) ?? '';
    const key = deriveOAuthSigningKey('shopify', API_SECRET);
    const exchangesBefore = issuedTokens.length;
    for (const cookie of [
      undefined,
      `${name}=`,
      `${name}=forged.value`,
      otherCookie,
      `${name}=${otherCookie.split('=').slice(1).join('=')}`,
      // Signed with the app's own derived key, for this flow, but not the nonce its start recorded.
      `${name}=${newBindingCookie(key, state).value}`,
      // Signed with the app secret itself rather than the derived key.
      `${name}=${newBindingCookie({ provider: 'shopify', bytes: Buffer.from(API_SECRET) }, state).value}`,
    ]) {
      const answer = await fetch(callback, {
        headers: { accept: 'application/json', ...(cookie === undefined ? {} : { cookie }) },
      });
      expect(answer.status, cookie).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect(await storedConnections(shop)).toBe(0);
    expect(issuedTokens.length).toBe(exchangesBefore);
    expect((await stateRow(shop))?.consumed_at).toBeNull();
    expect((await starting.fetch(callback)).status).toBe(200);
    expect(await storedConnections(shop)).toBe(1);
  });

  it('opens a start link once: a second browser gets 403 FORBIDDEN and no cookie', async () => {
    const shop = 'open-once.myshopify.com';
    const link = (await start(shop)).body.data?.startShopifyConnection.authorizationUrl ?? '';
    const first = new CookieJar();
    expect((await first.fetch(link)).status).toBe(302);
    const second = new CookieJar();
    const again = await second.fetch(link, { headers: { accept: 'application/json' } });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(second.names()).toEqual([]);
    // Opening it again in the first browser is refused too (the page names the code).
    const reopened = await first.fetch(link);
    expect(reopened.status).toBe(403);
    expect(await reopened.text()).toContain('<code>FORBIDDEN</code>');
  });

  it('keeps two flows started in one browser apart: both finish', async () => {
    const browserOfBoth = new CookieJar();
    const one = await approve(
      (await start('two-flows-one.myshopify.com')).body.data?.startShopifyConnection.authorizationUrl ?? '',
      browserOfBoth,
    );
    const two = await approve(
      (await start('two-flows-two.myshopify.com')).body.data?.startShopifyConnection.authorizationUrl ?? '',
      browserOfBoth,
    );
    expect(browserOfBoth.names()).toHaveLength(2);
    expect((await browserOfBoth.fetch(two.callback)).status).toBe(200);
    expect((await browserOfBoth.fetch(one.callback)).status).toBe(200);
    expect(await storedConnections('two-flows-one.myshopify.com')).toBe(1);
    expect(await storedConnections('two-flows-two.myshopify.com')).toBe(1);
  });

  it('answers every refusal of the start route with a 4xx and a code, as JSON or a page', async () => {
    for (const query of ['', '?state=', '?state=unknown', '?ticket=forged.ticket', '?state=a&ticket=b']) {
      const json = await fetch(`${publicUrl}/oauth/shopify/start${query}`, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
      expect(json.status, query).toBe(400);
      expect(await json.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
      const page = await fetch(`${publicUrl}/oauth/shopify/start${query}`, { redirect: 'manual' });
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<code>INVALID_REQUEST</code>');
      expect(page.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('webhooks held to their signed payload', () => {
  const deliver = (headers: Record<string, string>, payload: unknown, secret = API_SECRET) => {
    const body = JSON.stringify(payload);
    const webhookId = randomUUID();
    return fetch(`${system.gatewayUrl}/webhooks/shopify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'shop/update',
        'x-shopify-webhook-id': webhookId,
        'x-shopify-triggered-at': new Date().toISOString(),
        'x-shopify-hmac-sha256': signBody(Buffer.from(body), secret),
        ...headers,
      },
      body,
    }).then(async (answer) => ({
      status: answer.status,
      body: (await answer.json()) as { error?: { code: string; message: string } },
      stored: (await sql`select 1 from kit.webhook_deliveries where delivery_id = ${webhookId}`).length,
    }));
  };

  it('refuses a signed delivery whose X-Shopify-Shop-Domain is not the shop its payload names: 400, nothing stored', async () => {
    const victim = 'victim-shop.myshopify.com';
    for (const [topic, payload] of [
      ['app/uninstalled', { id: 1, myshopify_domain: victim, domain: 'www.victim.example' }],
      ['shop/update', { id: 1, myshopify_domain: victim }],
      ['shop/redact', { shop_id: 1, shop_domain: victim }],
      ['customers/redact', { shop_id: 1, shop_domain: victim, customer: { id: 1 } }],
    ] as const) {
      const answer = await deliver(
        { 'x-shopify-topic': topic, 'x-shopify-shop-domain': 'attacker.myshopify.com' },
        payload,
      );
      expect(answer.status, topic).toBe(400);
      expect(answer.body.error?.code).toBe('INVALID_REQUEST');
      expect(answer.stored).toBe(0);
    }
    // The same deliveries for the shop they name are taken (case and a custom primary domain aside).
    const taken = await deliver(
      { 'x-shopify-shop-domain': 'Victim-Shop.myshopify.com' },
      { id: 1, myshopify_domain: victim, domain: 'www.victim.example' },
    );
    expect(taken).toMatchObject({ status: 200, stored: 1 });
  });

  it('refuses an X-Shopify-Triggered-At older than the window, in the future or unparseable: 400, nothing stored', async () => {
    const shop = 'triggered-at.myshopify.com';
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    for (const triggeredAt of [hoursAgo(49), hoursAgo(24 * 30), hoursAgo(-1), 'yesterday', '', 'NaN']) {
      const answer = await deliver(
        { 'x-shopify-shop-domain': shop, 'x-shopify-triggered-at': triggeredAt },
        { myshopify_domain: shop },
      );
      expect(answer.status, triggeredAt).toBe(400);
      expect(answer.body.error?.code).toBe('INVALID_REQUEST');
      expect(answer.stored).toBe(0);
    }
    // Within Shopify's retry schedule and delays (47 h) it is taken.
    expect(
      await deliver(
        { 'x-shopify-shop-domain': shop, 'x-shopify-triggered-at': hoursAgo(47) },
        { myshopify_domain: shop },
      ),
    ).toMatchObject({ status: 200, stored: 1 });
  });

  it('refuses a delivery without X-Shopify-Shop-Domain: 400, nothing stored', async () => {
    const answer = await deliver({}, { id: 1 });
    expect(answer).toMatchObject({ status: 400, stored: 0 });
  });
});
