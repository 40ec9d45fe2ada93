import { type ConnectionChange, notifyConnectionStatus } from '../notifications/index.ts';
import { accountLabel, type ConnectionRow } from './connection-row.ts';
import { type OAuthDeps, profileOf, type Transaction } from './oauth-deps.ts';

/** Tells the connection's workspace about a state change, inside the transaction that made it. */
export async function notifyConnection(
  deps: OAuthDeps,
  tx: Transaction,
  connection: Pick<ConnectionRow, 'id' | 'workspace_id' | 'provider' | 'display_name' | 'account_id'>,
  status: ConnectionChange,
  reason?: string,
): Promise<void> {
  await notifyConnectionStatus(
    { sql: deps.sql, bus: deps.bus },
    {
      workspaceId: connection.workspace_id,
      provider: profileOf(deps, connection.provider).provider,
      connectionId: connection.id,
      accountLabel: accountLabel(connection),
      status,
      ...(reason === undefined ? {} : { reason }),
    },
    { tx },
  );
}
