export { createShopifyOAuth } from './create-shopify-oauth.ts';
export { CALLBACK_MAX_AGE_SECONDS, handleShopifyCallback } from './handle-shopify-callback.ts';
export { registerShopifyWebhooks, SHOPIFY_WEBHOOK_TOPICS } from './register-shopify-webhooks.ts';
export type { ShopifyOAuth } from './shopify-oauth.ts';
export { requireShopifyOAuth } from './shopify-oauth.ts';
export type { ShopifyOAuthBase } from './shopify-oauth-base.ts';
export { loadShopifyOAuthBase } from './shopify-oauth-base.ts';
export { DEFAULT_SHOPIFY_SCOPES, startShopifyConnection } from './start-shopify-connection.ts';
export { verifyCallbackHmac } from './verify-callback-hmac.ts';
