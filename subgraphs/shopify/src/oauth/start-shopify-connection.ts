import { startAuthorization } from '@ionflux/kit/oauth';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { shopifyProvider } from '../registration.ts';
import { requireShopifyOAuth } from './shopify-oauth.ts';

/** What a brand's store is asked for when the caller names no scopes (spec 2.1: read products and orders). */
export const DEFAULT_SHOPIFY_SCOPES = ['read_products', 'read_orders'] as const;

/**
 * `startShopifyConnection`: a single-use state bound to the caller and the brand, and as
 * `authorizationUrl` the link to our start route (`${IONFLUX_PUBLIC_URL}/oauth/shopify/start?state=…`),
 * which binds the browser that opens it and redirects to the store's consent page. A shop that is not a
 * `*.myshopify.com` domain is INVALID_REQUEST (the kit's anchored check), so no URL ever points at a
 * host the caller picked.
 */
export const startShopifyConnection: NonNullable<MutationResolvers['startShopifyConnection']> = async (
  _parent,
  { brandId, shop, scopes },
  { oauth, identity },
) => {
  const { deps, redirectUri, startUrl, returnUrl } = requireShopifyOAuth(oauth);
  const start = await startAuthorization(deps, {
    provider: shopifyProvider.id,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    owner: { type: 'brand', id: brandId },
    scopes: scopes && scopes.length > 0 ? scopes : DEFAULT_SHOPIFY_SCOPES,
    redirectUri,
    startUrl,
    accountHint: shop,
    returnUrl,
  });
  return { authorizationUrl: start.startUrl, state: start.state, expiresAt: start.expiresAt };
};
