import type { Sql } from '@ionflux/kit/db';
import type { MirrorTx } from '../mirror/index.ts';
import { shopifyProvider } from '../registration.ts';
import type { SyncConnection } from './connection-session.ts';

/** A Shopify connection by id (any workspace: background work is keyed on the connection). */
export async function loadSyncConnection(
  sql: Sql | MirrorTx,
  connectionId: string,
): Promise<SyncConnection | undefined> {
  const [row] = await sql<SyncConnection[]>`
    select id as "connectionId", workspace_id as "workspaceId", owner_id as "brandId", account_id as shop,
      status, connected_by as "connectedBy"
    from kit.integration_connections where id = ${connectionId} and provider = ${shopifyProvider.id}`;
  return row;
}

/** Statuses whose store is still mirrored. */
export const MIRRORED_STATUSES = new Set(['CONNECTED', 'NEEDS_REAUTH']);

/**
 * Inside a batch's transaction: whether the connection is still mirrored, holding its row for share so a
 * disconnect (which deletes the mirror) waits for the batch, or the batch sees it and writes nothing.
 */
export async function stillMirrored(tx: MirrorTx, connectionId: string): Promise<boolean> {
  const [row] = await tx<{ status: string }[]>`
    select status from kit.integration_connections where id = ${connectionId} for share`;
  return row !== undefined && MIRRORED_STATUSES.has(row.status);
}
