import { createJobQueue, startJobWorker, type TaskDefinition } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import { createWebhookRouter } from '@ionflux/kit/webhooks';
import type { Express } from 'express';
import { handleShopifyCallback, type ShopifyOAuth } from '../oauth/index.ts';
import { createShopifyWebhookSource } from './shopify-webhook-source.ts';
import { shopifyWebhookTask } from './shopify-webhook-task.ts';

/**
 * Mounts `GET /oauth/shopify/callback` and `POST /webhooks/shopify` (the gateway proxies both from the
 * public origin), and runs this process's webhook worker. Returns what stops them.
 */
export async function mountShopifyRoutes(
  app: Express,
  oauth: ShopifyOAuth,
  options: { databaseUrl: string; logger: Logger },
): Promise<{ close(): Promise<void> }> {
  const { logger } = options;
  app.get('/oauth/shopify/callback', (req, res, next) => {
    handleShopifyCallback(oauth, logger, req, res).catch(next);
  });
  const source = createShopifyWebhookSource(oauth.apiSecret);
  const queue = await createJobQueue({ databaseUrl: options.databaseUrl, logger });
  app.use('/webhooks/shopify', createWebhookRouter({ sql: oauth.deps.sql, queue, logger, source }));
  const worker = await startJobWorker({
    databaseUrl: options.databaseUrl,
    logger,
    tasks: [shopifyWebhookTask(oauth.deps, source) as TaskDefinition<unknown>],
  });
  return {
    async close() {
      await worker.stop();
      await queue.close();
    },
  };
}
