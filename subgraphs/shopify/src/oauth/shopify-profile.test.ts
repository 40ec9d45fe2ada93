import { describe, expect, it } from 'vitest';
import { createShopifyOAuthProfile } from './shopify-profile.ts';

const shopify = createShopifyOAuthProfile({ apiKey: 'id', apiSecret: 'secret' });

describe('Shopify OAuth profile', () => {
  it('normalises shop input to an anchored *.myshopify.com domain and refuses anything else', () => {
    const normalize = shopify.normalizeAccount ?? ((x: string) => x);
    expect(normalize('Ionflux-Demo')).toBe('ionflux-demo.myshopify.com');
    expect(normalize('https://ionflux-demo.myshopify.com/')).toBe('ionflux-demo.myshopify.com');
    expect(() => normalize('ionflux-demo.myshopify.com.evil.io')).toThrow();
    expect(() => normalize('evil.com/x.myshopify.com')).toThrow();
  });

  it('sends a JSON code exchange asking for an expiring offline token to the shop’s origin', () => {
    const sandboxed = createShopifyOAuthProfile({
      apiKey: 'id',
      apiSecret: 'secret',
      adminOriginTemplate: 'http://127.0.0.1:9/store/{shop}',
    });
    const request = sandboxed.codeExchangeRequest({
      code: 'c',
      redirectUri: 'x',
      accountHint: 'a.myshopify.com',
    });
    expect(request.url).toBe('http://127.0.0.1:9/store/a.myshopify.com/admin/oauth/access_token');
    expect(JSON.parse(request.body)).toEqual({
      client_id: 'id',
      client_secret: 'secret',
      code: 'c',
      expiring: '1',
    });
    const refresh = shopify.refreshRequest({
      accountId: 'a.myshopify.com',
      accessToken: 't',
      refreshToken: 'r',
    });
    expect(refresh.url).toBe('https://a.myshopify.com/admin/oauth/access_token');
    expect(JSON.parse(refresh.body)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'r' });
  });

  it('maps a non-expiring offline token (no expires_in, no refresh token)', () => {
    expect(
      shopify.parseTokenResponse({ access_token: 'shpat_x', scope: 'read_products,write_orders' }),
    ).toEqual({
      accessToken: 'shpat_x',
      refreshToken: undefined,
      expiresIn: undefined,
      refreshExpiresIn: undefined,
      scopes: ['read_products', 'write_orders'],
    });
  });

  it('has no revoke endpoint and knows write_x implies read_x', () => {
    expect(shopify.revokeRequest).toBeUndefined();
    expect(shopify.hasScope?.(['write_orders'], 'read_orders')).toBe(true);
    expect(shopify.hasScope?.(['read_orders'], 'write_orders')).toBe(false);
  });
});
