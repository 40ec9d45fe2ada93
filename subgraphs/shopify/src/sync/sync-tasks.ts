import type { CronDefinition, JobQueue, TaskDefinition } from '@ionflux/kit/jobs';
import { z } from 'zod';
import { shopifyProvider } from '../registration.ts';
import { openConnectionSession } from './connection-session.ts';
import { loadSyncConnection, MIRRORED_STATUSES } from './load-sync-connection.ts';
import { ORDER_REFRESH_TASK } from './order-refresh-job.ts';
import { refreshOrders } from './refresh-orders.ts';
import { runConnectionSync, type SyncDeps } from './run-connection-sync.ts';
import { enqueueSync, SHOPIFY_SYNC_ALL_TASK, SHOPIFY_SYNC_TASK } from './sync-jobs.ts';

/** The sync's job tasks: a run per connection, the periodic reconciliation, and order refreshes. */
export function shopifySyncTasks(deps: SyncDeps & { queue: JobQueue }): TaskDefinition<unknown>[] {
  const sync: TaskDefinition<{ connectionId: string }> = {
    name: SHOPIFY_SYNC_TASK,
    payloadSchema: z.object({ connectionId: z.uuid() }),
    maxAttempts: 5,
    async handler({ connectionId }, { logger, signal }) {
      await runConnectionSync({ ...deps, logger }, connectionId, signal);
    },
  };
  const syncAll: TaskDefinition<unknown> = {
    name: SHOPIFY_SYNC_ALL_TASK,
    maxAttempts: 3,
    async handler(_payload, { logger }) {
      const connections = await deps.sql<{ id: string }[]>`
        select id from kit.integration_connections
        where provider = ${shopifyProvider.id} and status = 'CONNECTED' order by id`;
      for (const connection of connections) await enqueueSync(deps.queue, connection.id);
      logger.info({ connections: connections.length }, 'shopify reconciliation scheduled');
    },
  };
  const refresh: TaskDefinition<{ connectionId: string; orderId: string }> = {
    name: ORDER_REFRESH_TASK,
    payloadSchema: z.object({
      connectionId: z.uuid(),
      orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/),
    }),
    maxAttempts: 5,
    async handler({ connectionId, orderId }, { logger, signal }) {
      const connection = await loadSyncConnection(deps.sql, connectionId);
      if (!connection || !MIRRORED_STATUSES.has(connection.status)) return;
      const session = await openConnectionSession(deps.admin, connection, signal);
      await refreshOrders(
        {
          sql: deps.sql,
          bus: deps.bus,
          logger,
          session,
          target: connection,
          settings: deps.settings,
          raiseEvents: true,
        },
        [orderId],
      );
    },
  };
  return [sync, syncAll, refresh] as TaskDefinition<unknown>[];
}

/** When the reconciliation runs (`SHOPIFY_SYNC_CRON`, UTC). */
export function shopifySyncCron(pattern: string): CronDefinition[] {
  return [{ task: SHOPIFY_SYNC_ALL_TASK, pattern, backfillPeriodMs: 3600_000 }];
}
