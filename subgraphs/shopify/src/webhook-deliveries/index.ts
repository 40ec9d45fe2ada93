export { listWebhookDeliveries, MAX_WEBHOOK_DELIVERIES } from './list-webhook-deliveries.ts';
export { replayShopifyWebhookDelivery } from './replay-shopify-webhook-delivery.ts';
