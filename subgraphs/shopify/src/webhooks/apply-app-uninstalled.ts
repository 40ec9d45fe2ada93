import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import { notifyConnectionStatus } from '@ionflux/kit/notifications';
import { deleteConnectionMirror } from '../mirror/index.ts';
import { shopifyProvider } from '../registration.ts';

/**
 * `app/uninstalled` for a shop: in every workspace that connected it, the token is deleted, the mirrored
 * store data removed, the connection marked DISCONNECTED and the workspace told it was uninstalled.
 * Idempotent: a connection already DISCONNECTED is left alone (a replay notifies nobody again).
 */
export async function applyAppUninstalled(deps: { sql: Sql; bus: EventBus }, shop: string): Promise<number> {
  const { sql } = deps;
  return sql.begin(async (tx) => {
    const changed = await tx<{ id: string; workspace_id: string; account_id: string }[]>`
      update kit.integration_connections
      set status = 'DISCONNECTED', health = 'UNKNOWN', health_reason = 'The app was uninstalled from the store.',
        sync_status = null, sync_error_code = null, updated_at = now()
      where provider = ${shopifyProvider.id} and account_id = ${shop} and status <> 'DISCONNECTED'
      returning id, workspace_id, account_id`;
    for (const connection of changed) {
      await tx`delete from kit.connection_credentials where connection_id = ${connection.id}`;
      await deleteConnectionMirror(tx, connection.id);
      await notifyConnectionStatus(
        deps,
        {
          workspaceId: connection.workspace_id,
          provider: shopifyProvider,
          connectionId: connection.id,
          accountLabel: connection.account_id,
          status: 'UNINSTALLED',
        },
        { tx },
      );
    }
    return changed.length;
  });
}
