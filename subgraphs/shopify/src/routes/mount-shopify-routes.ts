import { createJobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import { createWebhookRouter, type WebhookSource } from '@ionflux/kit/webhooks';
import type { Express } from 'express';
import { handleShopifyCallback, handleShopifyStart, type ShopifyOAuth } from '../oauth/index.ts';
import { createShopifyWebhookSource } from './shopify-webhook-source.ts';

/**
 * Mounts `GET /oauth/shopify/start`, `GET /oauth/shopify/callback` and `POST /webhooks/shopify` (the
 * gateway proxies them from the public origin). Returns the webhook source (for the worker's task) and
 * what stops the routes' queue.
 */
export async function mountShopifyRoutes(
  app: Express,
  oauth: ShopifyOAuth,
  options: { databaseUrl: string; logger: Logger; webhookMaxAgeMs: number },
): Promise<{ source: WebhookSource; close(): Promise<void> }> {
  const { logger } = options;
  app.get('/oauth/shopify/start', (req, res, next) => {
    handleShopifyStart(oauth, logger, req, res).catch(next);
  });
  app.get('/oauth/shopify/callback', (req, res, next) => {
    handleShopifyCallback(oauth, logger, req, res).catch(next);
  });
  const source = createShopifyWebhookSource(oauth.apiSecret, { maxAgeMs: options.webhookMaxAgeMs });
  const queue = await createJobQueue({ databaseUrl: options.databaseUrl, logger });
  app.use('/webhooks/shopify', createWebhookRouter({ sql: oauth.deps.sql, queue, logger, source }));
  return {
    source,
    async close() {
      await queue.close();
    },
  };
}
