import {
  classifyOAuthError,
  type OAuthProviderProfile,
  splitScopes,
  type TokenError,
  type TokenSet,
} from '@ionflux/kit/oauth';
import { shopifyProvider } from '../registration.ts';

export interface ShopifyOAuthConfig {
  /** `SHOPIFY_API_KEY` (the app's client id). */
  apiKey: string;
  /** `SHOPIFY_API_SECRET`. */
  apiSecret: string;
  /**
   * Where a shop's admin lives; `{shop}` is replaced by the shop domain. The sandbox serves
   * `${sandbox}/store/{shop}`. @default 'https://{shop}'
   */
  adminOriginTemplate?: string | undefined;
  /** Ask for expiring offline tokens (60 min, with a rotating refresh token). @default true */
  expiring?: boolean | undefined;
}

// Shopify's recommended anchored check (weak-shop-validation guide): anything else could send the
// code exchange, with our client secret, to a host the user picked.
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Shopify's authorization-code grant (non-embedded apps), wire facts from reference/shopify.md §3. */
export function createShopifyOAuthProfile(config: ShopifyOAuthConfig): OAuthProviderProfile {
  const template = config.adminOriginTemplate ?? 'https://{shop}';
  const origin = (shop: string) => template.replace('{shop}', shop);
  const expiring = config.expiring ?? true;
  const json = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(fields),
  });
  const requireShop = (shop: string | undefined): string => {
    if (shop === undefined || !SHOP_DOMAIN.test(shop)) throw new Error('A valid shop domain is required');
    return shop;
  };
  return {
    provider: shopifyProvider,
    scopeSeparator: ',',
    supportsPkce: false,
    requiresAccountHint: true,
    normalizeAccount(hint) {
      const shop = hint
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/+$/, '');
      const full = shop.includes('.') ? shop : `${shop}.myshopify.com`;
      return requireShop(full);
    },
    authorizationUrl({ state, scopes, redirectUri, accountHint }) {
      const url = new URL(`${origin(requireShop(accountHint))}/admin/oauth/authorize`);
      url.searchParams.set('client_id', config.apiKey);
      url.searchParams.set('scope', scopes.join(','));
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      // Empty grant option = offline access mode, as Shopify's library sends it.
      url.searchParams.set('grant_options[]', '');
      return url.toString();
    },
    readCallback(query) {
      if (query['error'] !== undefined) {
        return {
          ok: false,
          error: query['error'],
          description: query['error_description'] ?? query['error'],
        };
      }
      const code = query['code'];
      if (!code) return { ok: false, error: 'invalid_request', description: 'The callback has no code.' };
      return { ok: true, code, account: query['shop']?.toLowerCase() };
    },
    codeExchangeRequest({ code, accountHint }) {
      return {
        url: `${origin(requireShop(accountHint))}/admin/oauth/access_token`,
        ...json({
          client_id: config.apiKey,
          client_secret: config.apiSecret,
          code,
          expiring: expiring ? '1' : '0',
        }),
      };
    },
    refreshRequest({ accountId, refreshToken }) {
      return {
        url: `${origin(requireShop(accountId))}/admin/oauth/access_token`,
        ...json({
          client_id: config.apiKey,
          client_secret: config.apiSecret,
          refresh_token: refreshToken,
          grant_type: 'refresh_token',
        }),
      };
    },
    parseTokenResponse(body): TokenSet | TokenError {
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      if (typeof record['access_token'] !== 'string' || record['access_token'] === '') {
        return classifyOAuthError(400, body);
      }
      return {
        accessToken: record['access_token'],
        refreshToken: typeof record['refresh_token'] === 'string' ? record['refresh_token'] : undefined,
        expiresIn: typeof record['expires_in'] === 'number' ? record['expires_in'] : undefined,
        refreshExpiresIn:
          typeof record['refresh_token_expires_in'] === 'number'
            ? record['refresh_token_expires_in']
            : undefined,
        scopes: splitScopes(record['scope'], ','),
      };
    },
    classifyError: classifyOAuthError,
    hasScope(granted, needed) {
      if (granted.includes(needed)) return true;
      return needed.startsWith('read_') && granted.includes(`write_${needed.slice(5)}`);
    },
  };
}
