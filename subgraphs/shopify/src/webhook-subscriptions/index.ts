// The store's webhook subscriptions (spec 4.F): subscribed and verified on connect, re-created by a
// periodic reconciler (Shopify deletes them after repeated failed deliveries), removed on disconnect.
export type { EnsuredSubscriptions } from './ensure-webhook-subscriptions.ts';
export { ensureWebhookSubscriptions } from './ensure-webhook-subscriptions.ts';
export { listWebhookSubscriptions, subscriptionsTo } from './list-webhook-subscriptions.ts';
export { removeWebhookSubscriptions } from './remove-webhook-subscriptions.ts';
export {
  enqueueWebhookSubscriptions,
  WEBHOOKS_ENSURE_TASK,
  WEBHOOKS_RECONCILE_TASK,
  webhookSubscriptionCron,
  webhookSubscriptionTasks,
} from './webhook-subscription-tasks.ts';
