export { mountShopifyRoutes } from './mount-shopify-routes.ts';
export type { ShopifyWebhookSourceOptions } from './shopify-webhook-source.ts';
export {
  createShopifyWebhookSource,
  DEFAULT_WEBHOOK_MAX_AGE_MS,
  SHOPIFY_WEBHOOK_TASK,
} from './shopify-webhook-source.ts';
export { shopifyWebhookTask } from './shopify-webhook-task.ts';
