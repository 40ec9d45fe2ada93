import type { Sql } from '@ionflux/kit/db';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type { Registry } from '@ionflux/kit/metrics';
import { hasPath, type ServiceServer } from '@ionflux/kit/server';
import type { Tracing } from '@ionflux/kit/tracing';
import {
  createDeliveryBatcher,
  createWebhookHandler,
  type WebhookSource,
  webhookPath,
} from '@ionflux/kit/webhooks';

/**
 * Serves `POST /webhooks/shopify` (the gateway proxies it) straight from the server: the kit's handler
 * verifies the delivery with the Shopify source, stores it and enqueues its processing in one
 * transaction, then answers 200. Under a burst, deliveries arriving together share that transaction
 * (the kit's group commit; each is still answered only after the commit that stored it), unless `batch`
 * is false. The job worker (in this process or a separate one) applies them.
 */
export function mountWebhookRoute(
  serveDirect: ServiceServer['serveDirect'],
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
  serveDirect(
    hasPath(webhookPath(deps.source.provider)),
    createWebhookHandler({ ...deps, ...(store ? { store } : {}) }),
  );
}
