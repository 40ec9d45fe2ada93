import { readTimestamp, type Sql, type StoredTimestamp } from '../db/index.ts';
import type { OAuthProvider } from './provider-profile.ts';

/** `kit.integration_connections` as the OAuth module reads it (snake_case, as postgres.js returns it). */
export interface ConnectionRow {
  id: string;
  workspace_id: string;
  provider: OAuthProvider;
  owner_type: 'brand' | 'creator';
  owner_id: string;
  account_id: string;
  display_name: string | null;
  status: 'PENDING' | 'CONNECTED' | 'NEEDS_REAUTH' | 'DISCONNECTED' | 'ERROR';
  scopes: string[];
  connected_at: Date | null;
  updated_at: Date;
}

/** A connection row as raw SQL returns it: timestamps as `Date` or text, depending on the pool. */
export type StoredConnectionRow = Omit<ConnectionRow, 'connected_at' | 'updated_at'> & {
  connected_at: StoredTimestamp | null;
  updated_at: StoredTimestamp;
};

/** A row read by raw SQL with its timestamps as `Date`s (extra columns kept). */
export function toConnectionRow<Row extends StoredConnectionRow>(
  row: Row,
): Omit<Row, 'connected_at' | 'updated_at'> & Pick<ConnectionRow, 'connected_at' | 'updated_at'> {
  return { ...row, connected_at: readTimestamp(row.connected_at), updated_at: readTimestamp(row.updated_at) };
}

export function accountLabel(connection: Pick<ConnectionRow, 'display_name' | 'account_id'>): string {
  return connection.display_name ?? connection.account_id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a client can name a row (anything else is simply not found, not a SQL error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** One connection of one workspace, or undefined: the workspace is part of every lookup. */
export async function findConnection(
  sql: Sql,
  connectionId: string,
  workspaceId: string,
): Promise<ConnectionRow | undefined> {
  if (!isUuid(connectionId) || !isUuid(workspaceId)) return undefined;
  const rows = await sql<StoredConnectionRow[]>`
    select id, workspace_id, provider, owner_type, owner_id, account_id, display_name, status, scopes,
           connected_at, updated_at
    from kit.integration_connections where id = ${connectionId} and workspace_id = ${workspaceId}`;
  const row = rows[0];
  return row && toConnectionRow(row);
}
