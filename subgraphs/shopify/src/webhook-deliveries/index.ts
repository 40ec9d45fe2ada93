export { listWebhookDeliveries, replayShopifyWebhookDelivery } from './shopify-webhook-deliveries.ts';
