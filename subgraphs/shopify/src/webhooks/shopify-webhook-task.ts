import type { TaskDefinition } from '@ionflux/kit/jobs';
import { defineWebhookProcessingTask, type WebhookSource } from '@ionflux/kit/webhooks';
import { applyShopifyDelivery, type DeliveryDeps } from './apply-shopify-delivery.ts';

/**
 * Applies stored Shopify deliveries (kit: claimed, applied, PROCESSED; retried with backoff on a
 * failure, then DEAD): the mirror, Sales Sentinel events, the uninstall and the privacy topics.
 */
export function shopifyWebhookTask(
  deps: DeliveryDeps,
  source: WebhookSource,
  maxAttempts: number,
): TaskDefinition<{ deliveryId: string }> {
  return defineWebhookProcessingTask({
    sql: deps.sql,
    source,
    maxAttempts,
    async apply(delivery, { logger }) {
      const outcome = await applyShopifyDelivery({ ...deps, logger }, delivery);
      logger.info({ shop: delivery.accountId, ...outcome }, 'shopify delivery applied');
    },
  });
}
