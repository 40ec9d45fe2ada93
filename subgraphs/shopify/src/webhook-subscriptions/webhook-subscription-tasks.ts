import type { Sql } from '@ionflux/kit/db';
import type { CronDefinition, JobQueue, Queryable, TaskDefinition } from '@ionflux/kit/jobs';
import { z } from 'zod';
import type { AdminApiDeps } from '../admin-api/index.ts';
import { pgArray } from '../mirror/index.ts';
import { shopifyProvider } from '../registration.ts';
import { loadSyncConnection, openConnectionSession } from '../sync/index.ts';
import { ensureWebhookSubscriptions } from './ensure-webhook-subscriptions.ts';

/** Subscribes a connection's store to the app's topics and verifies them. */
export const WEBHOOKS_ENSURE_TASK = 'shopify.webhooks.ensure';
/** The periodic reconciler: re-creates subscriptions Shopify deleted. */
export const WEBHOOKS_RECONCILE_TASK = 'shopify.webhooks.reconcile';

/** Schedules the subscriptions of a connection's store (one pending job per store). */
export function enqueueWebhookSubscriptions(
  queue: JobQueue,
  connection: { id: string; shop: string },
  tx?: Queryable,
) {
  return queue.enqueue(
    WEBHOOKS_ENSURE_TASK,
    { connectionId: connection.id },
    { jobKey: `shopify-webhooks:${connection.shop}`, ...(tx ? { tx } : {}) },
  );
}

/**
 * The subscription tasks. A check that leaves topics missing fails (retried with backoff) and records
 * them on the connection's sync state; a complete one records when it was verified.
 */
export function webhookSubscriptionTasks(deps: {
  sql: Sql;
  admin: AdminApiDeps;
  queue: JobQueue;
  callbackUrl: string;
}): TaskDefinition<unknown>[] {
  const ensure: TaskDefinition<{ connectionId: string }> = {
    name: WEBHOOKS_ENSURE_TASK,
    payloadSchema: z.object({ connectionId: z.uuid() }),
    maxAttempts: 8,
    async handler({ connectionId }, { logger, signal }) {
      const connection = await loadSyncConnection(deps.sql, connectionId);
      if (connection?.status !== 'CONNECTED') return;
      const session = await openConnectionSession(deps.admin, connection, signal);
      const result = await ensureWebhookSubscriptions(session, deps.callbackUrl);
      await deps.sql`
        insert into shopify.sync_states (connection_id, webhooks_verified_at, webhooks_missing)
        values (${connectionId}, ${result.missing.length === 0 ? new Date().toISOString() : null}::timestamptz,
          ${pgArray(result.missing)}::text[])
        on conflict (connection_id) do update set
          webhooks_verified_at = coalesce(excluded.webhooks_verified_at, sync_states.webhooks_verified_at),
          webhooks_missing = excluded.webhooks_missing, updated_at = now()`;
      if (result.missing.length > 0) {
        logger.warn({ shop: connection.shop, ...result }, 'shopify webhook subscriptions incomplete');
        throw new Error(`webhook subscriptions missing after creating them: ${result.missing.join(', ')}`);
      }
      logger.info(
        { shop: connection.shop, created: result.created },
        'shopify webhook subscriptions verified',
      );
    },
  };
  const reconcile: TaskDefinition<unknown> = {
    name: WEBHOOKS_RECONCILE_TASK,
    maxAttempts: 3,
    async handler(_payload, { logger }) {
      // One connection per store: subscriptions belong to the app and the store, whatever the workspace.
      const stores = await deps.sql<{ id: string; shop: string }[]>`
        select distinct on (account_id) id, account_id as shop from kit.integration_connections
        where provider = ${shopifyProvider.id} and status = 'CONNECTED'
        order by account_id, connected_at desc nulls last`;
      for (const store of stores) await enqueueWebhookSubscriptions(deps.queue, store);
      logger.info({ stores: stores.length }, 'shopify webhook subscriptions reconciliation scheduled');
    },
  };
  return [ensure, reconcile] as TaskDefinition<unknown>[];
}

/** When the reconciler runs (`SHOPIFY_WEBHOOKS_RECONCILE_CRON`, UTC). */
export function webhookSubscriptionCron(pattern: string): CronDefinition[] {
  return [{ task: WEBHOOKS_RECONCILE_TASK, pattern, backfillPeriodMs: 3600_000 }];
}
