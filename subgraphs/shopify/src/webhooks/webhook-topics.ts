/**
 * The topics the app subscribes each store to on connect (their GraphQL enum names), which the
 * reconciler re-creates when Shopify has deleted them. The privacy topics (`customers/data_request`,
 * `customers/redact`, `shop/redact`) are configured on the app (shopify.app.toml), never subscribed.
 */
export const SHOPIFY_WEBHOOK_TOPICS = [
  'ORDERS_CREATE',
  'ORDERS_UPDATED',
  'ORDERS_PAID',
  'ORDERS_FULFILLED',
  'PRODUCTS_CREATE',
  'PRODUCTS_UPDATE',
  'APP_UNINSTALLED',
  'SHOP_UPDATE',
] as const;

export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number];

/** Topics whose payload is an order (`orders/cancelled` and `orders/edited` too, when subscribed). */
export const ORDER_TOPICS = new Set([
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/fulfilled',
  'orders/cancelled',
  'orders/partially_fulfilled',
]);

export const PRODUCT_TOPICS = new Set(['products/create', 'products/update']);

export const PRIVACY_TOPICS = new Set(['customers/data_request', 'customers/redact', 'shop/redact']);

/** `ORDERS_CREATE` → `orders/create`. */
export function topicName(topic: ShopifyWebhookTopic): string {
  return topic.toLowerCase().replace('_', '/');
}
