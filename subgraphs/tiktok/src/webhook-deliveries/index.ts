export {
  replayTikTokWebhookDelivery,
  tiktokPublishes,
  tiktokWebhookDeliveries,
} from './tiktok-webhook-deliveries.ts';
