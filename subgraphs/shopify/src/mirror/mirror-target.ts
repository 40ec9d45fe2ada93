import type { TransactionSql } from 'postgres';
import { pgArray } from './pg-array.ts';

/** The transaction every mirror write of one delivery or sync batch runs in. */
export type MirrorTx = TransactionSql;

/** The connection a record is mirrored for (one store can be connected in several workspaces). */
export interface MirrorTarget {
  connectionId: string;
  workspaceId: string;
  /** The brand that owns the connection: whose Sales Sentinel hears of its changes. */
  brandId: string;
  /** The store's myshopify domain. */
  shop: string;
}

/**
 * Takes a transaction-scoped advisory lock per record id of a connection, in a fixed order, so the
 * writers of one record (webhook deliveries, sync batches, in any process) take turns and never
 * deadlock, and two first versions of a record cannot both be taken for new.
 */
export async function lockRecords(tx: MirrorTx, connectionId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx`
    select pg_advisory_xact_lock(key) from (
      select distinct hashtextextended(${connectionId}::text || ':' || id, 0) as key
      from unnest(${pgArray([...ids])}::text[]) as id
      order by key
    ) as keys`;
}

/**
 * The shop row of a connection, created if missing, locked for share: its `rollup_timezone` keys the
 * day rollups, and a timezone change (which takes the row for update) waits for writers using the old one.
 */
export async function rollupTimezoneOf(tx: MirrorTx, target: MirrorTarget): Promise<string> {
  await tx`
    insert into shopify.shops (connection_id, workspace_id, shop_domain)
    values (${target.connectionId}, ${target.workspaceId}, ${target.shop})
    on conflict (connection_id) do nothing`;
  const [row] = await tx<{ tz: string | null }[]>`
    select rollup_timezone as tz from shopify.shops where connection_id = ${target.connectionId} for share`;
  return row?.tz ?? 'UTC';
}

/** A version of a record: Shopify's `updated_at`, then when it was seen (see `ObservedAt`). */
export interface RecordVersion {
  updatedAt: Date;
  observedAt: Date;
}

/** Whether `incoming` is newer than what is stored (`updated_at` first, then the observation). */
export function isNewer(incoming: RecordVersion, stored: RecordVersion | undefined): boolean {
  if (!stored) return true;
  const difference = incoming.updatedAt.getTime() - stored.updatedAt.getTime();
  return difference > 0 || (difference === 0 && incoming.observedAt.getTime() > stored.observedAt.getTime());
}
