// Shopify's webhooks (spec 4.F): the source that verifies a delivery, the route that stores it, and the
// job task that applies it to the mirror (and the uninstall and privacy topics).
export { applyAppUninstalled } from './apply-app-uninstalled.ts';
export { applyPrivacyRequest } from './apply-privacy-request.ts';
export type { DeliveryDeps, DeliveryOutcome } from './apply-shopify-delivery.ts';
export { applyShopifyDelivery } from './apply-shopify-delivery.ts';
export { connectionsOfShop } from './connections-of-shop.ts';
export { mountWebhookRoute } from './mount-webhook-route.ts';
export { parseShopifyJson } from './parse-shopify-json.ts';
export type { ShopifyWebhookSourceOptions } from './shopify-webhook-source.ts';
export {
  createShopifyWebhookSource,
  DEFAULT_WEBHOOK_MAX_AGE_MS,
  SHOPIFY_WEBHOOK_TASK,
} from './shopify-webhook-source.ts';
export { shopifyWebhookTask } from './shopify-webhook-task.ts';
export type { ShopifyWebhookTopic } from './webhook-topics.ts';
export {
  ORDER_TOPICS,
  PRIVACY_TOPICS,
  PRODUCT_TOPICS,
  SHOPIFY_WEBHOOK_TOPICS,
  topicName,
} from './webhook-topics.ts';
