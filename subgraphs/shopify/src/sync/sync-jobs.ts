import type { JobQueue, Queryable } from '@ionflux/kit/jobs';

/** One run of a connection's sync. */
export const SHOPIFY_SYNC_TASK = 'shopify.sync';
/** The periodic reconciliation: a sync of every connected store. */
export const SHOPIFY_SYNC_ALL_TASK = 'shopify.sync.all';

/**
 * Schedules a sync of a connection: one pending run per connection (job key), and runs of one connection
 * never overlap (its own named queue), whoever asks (connect, the cron, `syncShopifyConnection`).
 */
export function enqueueSync(queue: JobQueue, connectionId: string, tx?: Queryable) {
  return queue.enqueue(
    SHOPIFY_SYNC_TASK,
    { connectionId },
    {
      jobKey: `shopify-sync:${connectionId}`,
      queueName: `shopify-sync:${connectionId}`,
      ...(tx ? { tx } : {}),
    },
  );
}
