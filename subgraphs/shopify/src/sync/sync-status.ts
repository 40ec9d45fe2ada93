import type { Sql } from '@ionflux/kit/db';
import type { ErrorCode } from '@ionflux/kit/errors';

/** Marks a connection's sync RUNNING (shown on ShopifyConnection and integrationConnections). */
export async function markSyncRunning(sql: Sql, connectionId: string): Promise<void> {
  await sql`
    update kit.integration_connections set sync_status = 'RUNNING', sync_error_code = null
    where id = ${connectionId}`;
}

/** Marks a sync FAILED with the ErrorCode of its failure; the checkpoint stays for the next attempt. */
export async function markSyncFailed(
  sql: Sql,
  connectionId: string,
  code: ErrorCode,
  message: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      update kit.integration_connections set sync_status = 'FAILED', sync_error_code = ${code}
      where id = ${connectionId}`;
    await tx`
      update shopify.sync_states set last_error = ${message.slice(0, 2000)}, updated_at = now()
      where connection_id = ${connectionId}`;
  });
}

/**
 * Ends a run: everything updated before it started is mirrored (`synced_until`), the checkpoint is
 * cleared, and the connection shows IDLE with `last_synced_at` now.
 */
export async function markSyncCompleted(sql: Sql, connectionId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      update shopify.sync_states set synced_until = run_started_at, run_started_at = null, checkpoint = null,
        runs = runs + 1, last_error = null, updated_at = now()
      where connection_id = ${connectionId}`;
    await tx`
      update kit.integration_connections
      set sync_status = 'IDLE', sync_error_code = null, last_synced_at = now()
      where id = ${connectionId}`;
  });
}
