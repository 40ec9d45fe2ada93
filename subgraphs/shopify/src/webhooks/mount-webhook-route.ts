import type { Sql } from '@ionflux/kit/db';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import { createWebhookRouter, type WebhookSource } from '@ionflux/kit/webhooks';
import type { Express } from 'express';

/**
 * Mounts `POST /webhooks/shopify` (the gateway proxies it): the kit's router verifies the delivery with
 * the Shopify source, stores it and enqueues its processing in one transaction, then answers 200. The
 * job worker (in this process or a separate one) applies it.
 */
export function mountWebhookRoute(
  app: Express,
  deps: { sql: Sql; queue: JobQueue; logger: Logger; source: WebhookSource },
): void {
  app.use(`/webhooks/${deps.source.provider}`, createWebhookRouter(deps));
}
