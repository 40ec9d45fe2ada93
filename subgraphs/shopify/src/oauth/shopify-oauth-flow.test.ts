import { randomUUID } from 'node:crypto';
import { IntegrationError } from '@ionflux/kit/errors';
import {
  type ConnectionRow,
  completeAuthorization,
  getAccessToken,
  requireScopes,
  revoke,
  startAuthorization,
} from '@ionflux/kit/oauth';
import { type ShopifySimulator, startShopifySimulator } from '@ionflux/sandbox';
import { type OAuthTestContext, startOAuthTestContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopifyOAuthProfile } from './shopify-profile.ts';

// Shopify's profile with the kit's OAuth functions, against the protocol-faithful simulator: the profile's
// wire (the shop's admin origin, no PKCE, the signed callback, expiring offline tokens with a rotating
// refresh token, no revoke endpoint, write_x implying read_x) working end to end. The kit's own tests drive
// the same functions with a provider of the test-support package.

const SHOPIFY_APP = { apiKey: 'ionflux-test-id', apiSecret: 'shopify-secret-8b2d4e6f1a' };

async function scopeError(promise: Promise<void>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IntegrationError))
    throw new Error(`expected an IntegrationError, got ${String(error)}`);
  return error;
}

describe('Shopify OAuth with the kit against the Shopify simulator', () => {
  let t: OAuthTestContext<'shopify'> & { shopify: ShopifySimulator };
  beforeAll(async () => {
    const shopify = await startShopifySimulator({ ...SHOPIFY_APP, seed: false });
    const profile = createShopifyOAuthProfile({
      ...SHOPIFY_APP,
      adminOriginTemplate: shopify.adminOriginTemplate,
    });
    const context = await startOAuthTestContext({ shopify: { profile, appSecret: SHOPIFY_APP.apiSecret } });
    t = Object.assign(context, { shopify });
  });
  afterAll(async () => {
    await t?.close();
    await t?.shopify.close();
  });

  describe('completeAuthorization', () => {
    const workspaceId = randomUUID();
    const userId = randomUUID();
    const brandId = randomUUID();

    const startShop = (shop: string) =>
      startAuthorization(t.deps, {
        provider: 'shopify',
        workspaceId,
        userId,
        owner: { type: 'brand', id: brandId },
        scopes: ['read_products', 'read_orders'],
        accountHint: shop,
        redirectUri: t.callbackUrl('shopify'),
        startUrl: t.startUrl('shopify'),
      });

    it('connects a shop with an expiring offline token and refresh token (no PKCE)', async () => {
      const start = await startShop('IONFLUX-DEMO.myshopify.com');
      const browser = t.browser();
      const authorizationUrl = await browser.open(start.startUrl);
      expect(authorizationUrl).toContain('/store/ionflux-demo.myshopify.com/admin/oauth/authorize');
      expect(new URL(authorizationUrl).searchParams.has('code_challenge')).toBe(false);
      const query = await t.approve(authorizationUrl);
      expect(query['hmac']).toMatch(/^[0-9a-f]{64}$/);
      const result = await completeAuthorization(t.deps, query, {
        key: t.keys.shopify,
        cookieHeader: browser.cookieHeader(),
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.connection).toMatchObject({
        account_id: 'ionflux-demo.myshopify.com',
        status: 'CONNECTED',
      });
      expect(result.connection.scopes.sort()).toEqual(['read_orders', 'read_products']);
      const rows =
        await t.sql`select access_token_expires_at, refresh_token_ciphertext from kit.connection_credentials where connection_id = ${result.connection.id}`;
      expect(rows[0]?.['access_token_expires_at']).toBeInstanceOf(Date);
      expect(rows[0]?.['refresh_token_ciphertext']).toBeInstanceOf(Buffer);
    });

    it('refuses a callback for another shop than the one the state was made for', async () => {
      const start = await startShop('ionflux-demo.myshopify.com');
      const browser = t.browser();
      const elsewhere = (await browser.open(start.startUrl)).replace(
        '/store/ionflux-demo.myshopify.com/',
        '/store/other-shop.myshopify.com/',
      );
      const calls = t.exchanges.length;
      const result = await completeAuthorization(t.deps, await t.approve(elsewhere), {
        key: t.keys.shopify,
        cookieHeader: browser.cookieHeader(),
      });
      expect(result).toMatchObject({ ok: false, reason: 'account_mismatch' });
      expect(t.exchanges.length).toBe(calls);
    });

    it('refuses a shop domain that is not *.myshopify.com before storing anything', async () => {
      await expect(startShop('evil.example.com')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    });

    it('reports a code the provider refuses as exchange_failed', async () => {
      const start = await startShop('ionflux-demo.myshopify.com');
      const { query, options } = await t.authorize(start);
      const result = await completeAuthorization(t.deps, { ...query, code: 'not-a-code' }, options);
      expect(result).toMatchObject({ ok: false, reason: 'exchange_failed' });
    });
  });

  describe('getAccessToken', () => {
    const workspaceId = randomUUID();
    const expireSoon = (connectionId: string, seconds = 60) =>
      t.sql`update kit.connection_credentials set access_token_expires_at = now() + make_interval(secs => ${seconds})
        where connection_id = ${connectionId}`;

    it('refreshes Shopify expiring offline tokens with the rotating refresh token', async () => {
      const start = await startAuthorization(t.deps, {
        provider: 'shopify',
        workspaceId,
        userId: randomUUID(),
        owner: { type: 'brand', id: randomUUID() },
        scopes: ['read_products'],
        accountHint: 'refresh-shop.myshopify.com',
        redirectUri: t.callbackUrl('shopify'),
        startUrl: t.startUrl('shopify'),
      });
      const result = await t.complete(start);
      if (!result.ok) throw new Error(result.message);
      const first = await getAccessToken(t.deps, result.connection.id, workspaceId);
      expect(first.expiresAt).toBeInstanceOf(Date);
      await expireSoon(result.connection.id);
      const since = t.shopify.requests().at(-1)?.seq ?? 0;
      const second = await getAccessToken(t.deps, result.connection.id, workspaceId);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(
        t.shopify.requests(since).filter((r) => r.path.endsWith('/admin/oauth/access_token')),
      ).toHaveLength(1);
      const admin = await fetch(
        `${t.shopify.adminOriginTemplate.replace('{shop}', 'refresh-shop.myshopify.com')}/admin/api/${t.shopify.apiVersion}/graphql.json`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shopify-access-token': second.accessToken },
          body: JSON.stringify({ query: '{ shop { name } }' }),
        },
      );
      expect(admin.status).toBe(200);
      // The rotated refresh token was stored: a second refresh works too.
      await expireSoon(result.connection.id);
      const third = await getAccessToken(t.deps, result.connection.id, workspaceId);
      expect(third.accessToken).not.toBe(second.accessToken);
    });
  });

  describe('revoke (disconnect)', () => {
    const workspaceId = randomUUID();

    it('deletes Shopify credentials locally (Shopify has no revoke endpoint: uninstalling revokes)', async () => {
      const start = await startAuthorization(t.deps, {
        provider: 'shopify',
        workspaceId,
        userId: randomUUID(),
        owner: { type: 'brand', id: randomUUID() },
        scopes: ['read_products'],
        accountHint: 'ionflux-demo.myshopify.com',
        redirectUri: t.callbackUrl('shopify'),
        startUrl: t.startUrl('shopify'),
      });
      const result = await t.complete(start);
      if (!result.ok) throw new Error(result.message);
      expect(await revoke(t.deps, result.connection)).toEqual({ revokedAtProvider: 'unsupported' });
      expect(
        await t.sql`select 1 from kit.connection_credentials where connection_id = ${result.connection.id}`,
      ).toHaveLength(0);
    });
  });

  describe('requireScopes', () => {
    const workspaceId = randomUUID();
    let connection: ConnectionRow;
    beforeAll(async () => {
      const start = await startAuthorization(t.deps, {
        provider: 'shopify',
        workspaceId,
        userId: randomUUID(),
        owner: { type: 'brand', id: randomUUID() },
        scopes: ['write_products'],
        accountHint: 'scopes-shop.myshopify.com',
        redirectUri: t.callbackUrl('shopify'),
        startUrl: t.startUrl('shopify'),
      });
      const result = await t.complete(start);
      if (!result.ok) throw new Error(result.message);
      connection = result.connection;
    });

    it('knows that Shopify write_x implies read_x', async () => {
      const shopConnection = { ...connection, provider: 'shopify' as const, scopes: ['write_products'] };
      await expect(
        requireScopes(t.deps, { connection: shopConnection, required: ['read_products'] }),
      ).resolves.toBeUndefined();
      const error = await scopeError(
        requireScopes(t.deps, { connection: shopConnection, required: ['read_customers'] }),
      );
      expect(error.details['missingScopes']).toEqual(['read_customers']);
    });
  });
});
