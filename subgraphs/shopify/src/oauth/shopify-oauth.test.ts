import { createCredentialCipher, generateMasterKey, parseKeyring } from '@ionflux/kit/crypto';
import { createInMemoryEventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';
import { deriveOAuthSigningKey } from '@ionflux/kit/oauth';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createShopifyOAuth } from './shopify-oauth.ts';

const oauthFor = (publicUrl: string) =>
  createShopifyOAuth(
    {
      apiSecret: 'shpss_test-secret',
      cipher: createCredentialCipher(parseKeyring(generateMasterKey('t1'))),
      profiles: {},
    },
    {
      // Never queried here: postgres.js connects on the first query.
      sql: postgres('postgres://nobody@127.0.0.1:9/none'),
      bus: createInMemoryEventBus(),
      logger: createLogger({ service: 'test', level: 'silent' }),
    },
    {
      IONFLUX_PUBLIC_URL: publicUrl,
      SHOPIFY_OAUTH_RETURN_URL: undefined,
      SHOPIFY_ADMIN_ORIGIN: 'https://{shop}',
      SHOPIFY_API_VERSION: '2025-04',
      SHOPIFY_GRANT_URL_TTL_SECONDS: 60,
    },
  );

describe('createShopifyOAuth', () => {
  it('makes the binding cookie Secure when the public URL is https, scoped to /oauth/shopify', () => {
    expect(oauthFor('https://api.ionflux.example').cookie).toEqual({ path: '/oauth/shopify', secure: true });
    expect(oauthFor('http://127.0.0.1:4000').cookie).toEqual({ path: '/oauth/shopify', secure: false });
  });

  it('addresses the start route, the callback and the webhooks at the public origin', () => {
    const oauth = oauthFor('https://api.ionflux.example');
    expect(oauth.startUrl).toBe('https://api.ionflux.example/oauth/shopify/start');
    expect(oauth.redirectUri).toBe('https://api.ionflux.example/oauth/shopify/callback');
    expect(oauth.webhookUrl).toBe('https://api.ionflux.example/webhooks/shopify');
    expect(oauth.grantUrlTtlMs).toBe(60_000);
  });

  it('signs with a key derived from the API secret, not the secret itself', () => {
    const { signingKey } = oauthFor('https://api.ionflux.example');
    expect(signingKey).toEqual(deriveOAuthSigningKey('shopify', 'shpss_test-secret'));
    expect(signingKey.bytes.equals(Buffer.from('shpss_test-secret'))).toBe(false);
    expect(signingKey.bytes).toHaveLength(32);
  });
});
