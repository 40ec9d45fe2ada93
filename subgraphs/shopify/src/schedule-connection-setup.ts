import type { Sql } from '@ionflux/kit/db';
import type { JobQueue } from '@ionflux/kit/jobs';
import { enqueueSync } from './sync/index.ts';
import { enqueueWebhookSubscriptions } from './webhook-subscriptions/index.ts';

/**
 * What follows a store's connection (the OAuth callback): its webhook subscriptions and its sync (the
 * backfill, or a reconciliation after a reconnect), scheduled in one transaction with the connection
 * shown RUNNING, so both happen even if this process stops right after answering the browser.
 */
export async function scheduleConnectionSetup(
  sql: Sql,
  queue: JobQueue,
  connection: { id: string; shop: string },
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      update kit.integration_connections set sync_status = 'RUNNING', sync_error_code = null
      where id = ${connection.id}`;
    await enqueueWebhookSubscriptions(queue, connection, tx);
    await enqueueSync(queue, connection.id, tx);
  });
}
