import type { TaskDefinition } from '@ionflux/kit/jobs';
import type { OAuthDeps } from '@ionflux/kit/oauth';
import { defineWebhookProcessingTask, type WebhookSource } from '@ionflux/kit/webhooks';
import { applyAppUninstalled } from './apply-app-uninstalled.ts';

/**
 * Applies stored Shopify deliveries. `app/uninstalled` disconnects the shop everywhere; other topics are
 * kept (stored, marked processed) until the mirror that uses them exists.
 */
export function shopifyWebhookTask(
  deps: Pick<OAuthDeps, 'sql' | 'bus'>,
  source: WebhookSource,
): TaskDefinition<{ deliveryId: string }> {
  return defineWebhookProcessingTask({
    sql: deps.sql,
    source,
    async apply(delivery, { logger }) {
      if (delivery.topic === 'app/uninstalled' && delivery.accountId) {
        const disconnected = await applyAppUninstalled(deps, delivery.accountId);
        logger.info({ shop: delivery.accountId, disconnected }, 'shopify app uninstalled');
      }
    },
  });
}
