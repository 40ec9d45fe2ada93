import type { Sql } from '@ionflux/kit/db';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type { Registry } from '@ionflux/kit/metrics';
import type { Tracing } from '@ionflux/kit/tracing';
import { createDeliveryBatcher, createWebhookRouter, type WebhookSource } from '@ionflux/kit/webhooks';
import type { Express } from 'express';

/**
 * Mounts `POST /webhooks/shopify` (the gateway proxies it): the kit's router verifies the delivery with
 * the Shopify source, stores it and enqueues its processing in one transaction, then answers 200. Under
 * a burst, deliveries arriving together share that transaction (the kit's group commit; each is still
 * answered only after the commit that stored it), unless `batch` is false. The job worker (in this
 * process or a separate one) applies them.
 */
export function mountWebhookRoute(
  app: Express,
  deps: {
    sql: Sql;
    queue: JobQueue;
    logger: Logger;
    source: WebhookSource;
    batch: boolean;
    /** Where `ionflux_webhooks_received_total` goes. */
    registry: Registry;
    /** A span per delivery, continued by its processing job. */
    tracing?: Tracing;
  },
): void {
  const store = deps.batch
    ? createDeliveryBatcher({ sql: deps.sql, queue: deps.queue, source: deps.source })
    : undefined;
  app.use(`/webhooks/${deps.source.provider}`, createWebhookRouter({ ...deps, ...(store ? { store } : {}) }));
}
