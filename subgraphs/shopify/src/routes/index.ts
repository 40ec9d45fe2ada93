export { mountShopifyRoutes } from './mount-shopify-routes.ts';
export { createShopifyWebhookSource, SHOPIFY_WEBHOOK_TASK } from './shopify-webhook-source.ts';
