import { createHmac } from 'node:crypto';
import {
  API_KEY,
  API_SECRET,
  FIXED_NOW,
  postGraphql,
  startTestSimulator,
} from '@ionflux/testing/shopify-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';

const SHOP = 'oauth-test.myshopify.com';
const CALLBACK = 'https://app.example.test/oauth/shopify/callback';

/** Shopify's algorithm, written out independently of the simulator's code. */
function expectedHmac(query: URLSearchParams): string {
  const pairs = [...query.entries()].filter(([key]) => key !== 'hmac' && key !== 'signature');
  pairs.sort(([a], [b]) => a.localeCompare(b));
  const message = pairs
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return createHmac('sha256', API_SECRET).update(message).digest('hex');
}

let simulator: ShopifySimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());

async function approve(params: Record<string, string>): Promise<Response> {
  const authorize = `${simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/oauth/authorize`;
  const page = await fetch(`${authorize}?${new URLSearchParams(params)}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Install app');
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(
      match[1] ?? '',
      (match[2] ?? '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
    );
  }
  return fetch(authorize, { method: 'POST', body: form, redirect: 'manual' });
}

async function exchange(body: Record<string, string>): Promise<Response> {
  return fetch(`${simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, ...body }),
  });
}

describe('GET/POST /admin/oauth/authorize', () => {
  it('redirects to redirect_uri with code, shop, state, timestamp, host and an hmac Shopify would compute', async () => {
    const approved = await approve({
      client_id: API_KEY,
      scope: 'read_products,read_orders',
      redirect_uri: CALLBACK,
      state: 'nonce-123',
      'grant_options[]': '',
    });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    const query = location.searchParams;
    expect([...query.keys()].sort()).toEqual(['code', 'hmac', 'host', 'shop', 'state', 'timestamp']);
    expect(query.get('shop')).toBe(SHOP);
    expect(query.get('state')).toBe('nonce-123');
    expect(query.get('timestamp')).toBe(String(FIXED_NOW.getTime() / 1000));
    expect(Buffer.from(query.get('host') ?? '', 'base64').toString()).toBe(
      'admin.shopify.com/store/oauth-test',
    );
    expect(query.get('hmac')).toBe(expectedHmac(query));
  });

  it('approves when the authorize URL itself is POSTed, for scripted installs', async () => {
    const query = new URLSearchParams({
      client_id: API_KEY,
      scope: 'read_orders',
      redirect_uri: CALLBACK,
      state: 'st',
      'grant_options[]': '',
    });
    const url = `${simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/oauth/authorize?${query}`;
    const approved = await fetch(url, { method: 'POST', redirect: 'manual' });
    expect(approved.status).toBe(302);
    const callback = new URL(approved.headers.get('location') ?? '').searchParams;
    expect(callback.get('state')).toBe('st');
    expect(callback.get('hmac')).toBe(expectedHmac(callback));
  });

  it('answers 400 with an OAuth error page for an unknown client_id, redirect_uri or scope', async () => {
    const base = `${simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/oauth/authorize`;
    const badClient = await fetch(
      `${base}?client_id=nope&scope=read_orders&redirect_uri=${encodeURIComponent(CALLBACK)}`,
    );
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain('The client_id provided is invalid');
    const badScope = await fetch(
      `${base}?client_id=${API_KEY}&scope=read_everything&redirect_uri=${encodeURIComponent(CALLBACK)}`,
    );
    expect(badScope.status).toBe(400);
    expect(await badScope.text()).toContain('Scope undefined: read_everything');
    const noRedirect = await fetch(`${base}?client_id=${API_KEY}&scope=read_orders`);
    expect(noRedirect.status).toBe(400);
  });
});

describe('POST /admin/oauth/access_token', () => {
  async function newCode(scope = 'read_orders,read_products'): Promise<string> {
    const approved = await approve({ client_id: API_KEY, scope, redirect_uri: CALLBACK, state: 's' });
    return new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
  }

  it('exchanges a code once for an offline token {access_token, scope} that opens the Admin API', async () => {
    const code = await newCode();
    const response = await exchange({ code });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(Object.keys(body).sort()).toEqual(['access_token', 'scope']);
    expect(body.access_token).toMatch(/^shpat_[0-9a-f]{32}$/);
    expect(body.scope).toBe('read_orders,read_products');
    const shopUrl = `${simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/api/2025-04/graphql.json`;
    const graphql = await fetch(shopUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': body.access_token },
      body: JSON.stringify({ query: '{ shop { myshopifyDomain } }' }),
    });
    expect(
      ((await graphql.json()) as { data: { shop: { myshopifyDomain: string } } }).data.shop.myshopifyDomain,
    ).toBe(SHOP);

    const again = await exchange({ code });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The authorization code was not found or was already used',
    });
  });

  it('rejects a wrong client secret with invalid_client', async () => {
    const response = await exchange({ code: await newCode(), client_secret: 'wrong' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('with expiring=1 returns a 60-minute token and a refresh token that rotates on use', async () => {
    const response = await exchange({ code: await newCode(), expiring: '1' });
    const first = (await response.json()) as {
      access_token: string;
      expires_in: number;
      refresh_token: string;
      refresh_token_expires_in: number;
      scope: string;
    };
    expect(first.expires_in).toBe(3600);
    expect(first.refresh_token).toMatch(/^shprt_/);
    expect(first.refresh_token_expires_in).toBeGreaterThan(0);

    const refreshed = (await (
      await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json()) as typeof first;
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.expires_in).toBe(3600);
    // The previous refresh token stays valid until its replacement is used.
    const retried = await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(retried.status).toBe(200);
    const third = (await retried.json()) as typeof first;
    await exchange({ grant_type: 'refresh_token', refresh_token: third.refresh_token });
    const stale = await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('expiring access tokens stop working after an hour', async () => {
    let now = FIXED_NOW;
    const local = await startTestSimulator({ now: () => now, seed: false });
    try {
      const { access_token } = local.issueAccessToken('clock.myshopify.com', ['read_products'], {
        expiring: true,
      });
      const url = `${local.adminOriginTemplate.replace('{shop}', 'clock.myshopify.com')}/admin/api/2025-04/graphql.json`;
      const call = () =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': access_token },
          body: JSON.stringify({ query: '{ shop { id } }' }),
        });
      expect((await call()).status).toBe(200);
      now = new Date(FIXED_NOW.getTime() + 3601_000);
      expect((await call()).status).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('the token from the control API behaves like one from OAuth', async () => {
    const { access_token } = simulator.issueAccessToken(SHOP, ['read_products']);
    const response = await postGraphql(simulator, access_token, '{ shop { name } }');
    expect(response.status).toBe(401); // issued for SHOP, used against the demo shop
  });
});
