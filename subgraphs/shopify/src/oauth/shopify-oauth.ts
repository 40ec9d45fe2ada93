import { IntegrationError } from '@ionflux/kit/errors';
import type { OAuthDeps, OAuthSigningKey } from '@ionflux/kit/oauth';

/** The Shopify OAuth handles of a request: the kit's deps, the app secret, and where callbacks go. */
export interface ShopifyOAuth {
  deps: OAuthDeps;
  apiSecret: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/shopify/callback`. */
  redirectUri: string;
  /** `${IONFLUX_PUBLIC_URL}/oauth/shopify/start`: what `startShopifyConnection` and grant URLs link to. */
  startUrl: string;
  /** Signs browser-binding cookies and grant tickets: HKDF of `SHOPIFY_API_SECRET`. */
  signingKey: OAuthSigningKey;
  /** The binding cookie: path `/oauth/shopify` (start and callback), `Secure` when the public URL is https. */
  cookie: { path: string; secure: boolean };
  /** `SHOPIFY_GRANT_URL_TTL_SECONDS` in ms. */
  grantUrlTtlMs: number;
  /** `${IONFLUX_PUBLIC_URL}/webhooks/shopify`: where the store's webhooks are subscribed. */
  webhookUrl: string;
  /** The Admin GraphQL endpoint of a shop at the configured API version. */
  adminGraphqlUrl(shop: string): string;
  /** `SHOPIFY_OAUTH_RETURN_URL`, when set. */
  returnUrl: string | undefined;
}

/** The OAuth handles, or INTERNAL naming the missing configuration. */
export function requireShopifyOAuth(oauth: ShopifyOAuth | undefined): ShopifyOAuth {
  if (!oauth) {
    throw new IntegrationError(
      'INTERNAL',
      'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
    );
  }
  return oauth;
}
