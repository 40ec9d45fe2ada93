import type { SyncCheckpoint } from '@ionflux/drizzle/shopify';
import { readTimestamp, type Sql, type StoredTimestamp } from '@ionflux/kit/db';
import type { MirrorTx } from '../mirror/index.ts';

export type { SyncCheckpoint };

/** A run of a connection's sync: where it is, and whether its changes are news (not the first backfill). */
export interface SyncRun {
  checkpoint: SyncCheckpoint;
  /** False for the first backfill: its history raises no Sales Sentinel events. */
  raiseEvents: boolean;
}

/**
 * The run to work on: the one a crashed worker left (its checkpoint), or a new one, which starts now and
 * reads what changed since the last completed run minus `overlapMs` (everything, the first time).
 */
export async function beginOrResumeRun(
  sql: Sql,
  connectionId: string,
  options: { overlapMs: number; useBulk: boolean },
): Promise<SyncRun> {
  return sql.begin(async (tx) => {
    await tx`insert into shopify.sync_states (connection_id) values (${connectionId}) on conflict do nothing`;
    const [state] = await tx<{ syncedUntil: StoredTimestamp | null; checkpoint: SyncCheckpoint | null }[]>`
      select synced_until as "syncedUntil", checkpoint from shopify.sync_states
      where connection_id = ${connectionId} for update`;
    const syncedUntil = state?.syncedUntil ? readTimestamp(state.syncedUntil) : null;
    if (state?.checkpoint) return { checkpoint: state.checkpoint, raiseEvents: syncedUntil !== null };
    const checkpoint: SyncCheckpoint = {
      step: 'shop',
      method: options.useBulk ? 'bulk' : 'pages',
      since: syncedUntil ? new Date(syncedUntil.getTime() - options.overlapMs).toISOString() : null,
    };
    await tx`
      update shopify.sync_states set checkpoint = ${JSON.stringify(checkpoint)}::text::jsonb,
        run_started_at = now(), updated_at = now()
      where connection_id = ${connectionId}`;
    return { checkpoint, raiseEvents: syncedUntil !== null };
  });
}

/** Saves the run's checkpoint, inside the transaction that applied what it covers when given one. */
export async function saveCheckpoint(
  sql: Sql | MirrorTx,
  connectionId: string,
  checkpoint: SyncCheckpoint,
): Promise<void> {
  await sql`
    update shopify.sync_states set checkpoint = ${JSON.stringify(checkpoint)}::text::jsonb, updated_at = now()
    where connection_id = ${connectionId}`;
}
