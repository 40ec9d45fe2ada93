// Shopify's webhooks (spec 4.F): the source that verifies a delivery, the route that stores it, and the
// job task that applies it (`app/uninstalled` disconnects the shop).
export { applyAppUninstalled } from './apply-app-uninstalled.ts';
export { mountWebhookRoute } from './mount-webhook-route.ts';
export type { ShopifyWebhookSourceOptions } from './shopify-webhook-source.ts';
export {
  createShopifyWebhookSource,
  DEFAULT_WEBHOOK_MAX_AGE_MS,
  SHOPIFY_WEBHOOK_TASK,
} from './shopify-webhook-source.ts';
export { shopifyWebhookTask } from './shopify-webhook-task.ts';
