// Connecting and disconnecting stores (spec 2.1): the OAuth profile, the start and callback routes, the
// start/disconnect mutations, and the webhooks a store is subscribed to when it connects.
export { callbackPage, returnRedirect, sendOAuthRefusal } from './browser-responses.ts';
export { disconnectShopifyConnection } from './disconnect-shopify-connection.ts';
export type { OnShopifyConnected } from './handle-shopify-callback.ts';
export { CALLBACK_MAX_AGE_SECONDS, handleShopifyCallback } from './handle-shopify-callback.ts';
export { handleShopifyStart } from './handle-shopify-start.ts';
export { mountOAuthRoutes } from './mount-oauth-routes.ts';
export type { ShopifyOAuth } from './shopify-oauth.ts';
export { createShopifyOAuth, requireShopifyOAuth } from './shopify-oauth.ts';
export type { ShopifyOAuthBase } from './shopify-oauth-base.ts';
export { loadShopifyOAuthBase } from './shopify-oauth-base.ts';
export type { ShopifyOAuthConfig } from './shopify-profile.ts';
export { createShopifyOAuthProfile } from './shopify-profile.ts';
export { DEFAULT_SHOPIFY_SCOPES, startShopifyConnection } from './start-shopify-connection.ts';
export { verifyCallbackHmac } from './verify-callback-hmac.ts';
