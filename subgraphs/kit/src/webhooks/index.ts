export type {
  ConnectionDelivery,
  ConnectionDeliveryScope,
  DeliveryStatus,
} from './connection-deliveries.ts';
export {
  findConnectionDelivery,
  listConnectionDeliveries,
  MAX_LISTED_DELIVERIES,
  replayConnectionDelivery,
} from './connection-deliveries.ts';
export { connectionDeliveryScope } from './connection-delivery-scope.ts';
export type { DeliveryBatcherOptions, StoreDelivery } from './create-delivery-batcher.ts';
export { createDeliveryBatcher } from './create-delivery-batcher.ts';
export type { WebhookHandlerDeps } from './create-webhook-handler.ts';
export { createWebhookHandler } from './create-webhook-handler.ts';
export type { WebhookProcessingDeps } from './define-webhook-processing-task.ts';
export { defineWebhookProcessingTask, webhookProcessingEnv } from './define-webhook-processing-task.ts';
export { parseWebhookJson } from './parse-webhook-json.ts';
export { pruneWebhookDeliveries } from './prune-webhook-deliveries.ts';
export type { ReplayWebhookResult } from './replay-webhook-delivery.ts';
export { replayWebhookDelivery } from './replay-webhook-delivery.ts';
export type { StorableDelivery, StoredDelivery } from './store-webhook-delivery.ts';
export { storableDelivery, storeWebhookDelivery } from './store-webhook-delivery.ts';
export { INVALID_JSON_MESSAGE } from './stored-payload-json.ts';
export { verifyHmacSha256Base64 } from './verify-hmac-sha256-base64.ts';
export type { WebhookDeliveryRow } from './webhook-delivery.ts';
export { findWebhookDelivery } from './webhook-delivery.ts';
export type { WebhookBody, WebhookSource, WebhookVerification } from './webhook-source.ts';
export { webhookPath } from './webhook-source.ts';
