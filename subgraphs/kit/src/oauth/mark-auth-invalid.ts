import { timestampParam } from '../db/index.ts';
import { isUuid, type StoredConnectionRow, toConnectionRow } from './connection-row.ts';
import { notifyConnection } from './notify-connection.ts';
import type { OAuthDeps, Transaction } from './oauth-deps.ts';

/**
 * Moves a connection to NEEDS_REAUTH inside `tx` and notifies the workspace, but only on the transition:
 * the `status <> 'NEEDS_REAUTH'` guard makes concurrent reporters (a refresher, ten requests that got a
 * 401) produce one state change and one notification. Resolves whether this call made the change.
 */
export async function transitionToNeedsReauth(
  deps: OAuthDeps,
  tx: Transaction,
  target: { connectionId: string; workspaceId: string },
  reason: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx<StoredConnectionRow[]>`
    update kit.integration_connections
    set status = 'NEEDS_REAUTH', health = 'FAILING', health_reason = ${reason},
      updated_at = ${timestampParam(now)}::timestamptz
    where id = ${target.connectionId} and workspace_id = ${target.workspaceId}
      and status not in ('NEEDS_REAUTH', 'DISCONNECTED')
    returning id, workspace_id, provider, owner_type, owner_id, account_id, display_name, status, scopes,
      connected_at, updated_at`;
  const connection = rows[0] && toConnectionRow(rows[0]);
  if (!connection) return false;
  // `reason` is for operators (health_reason, logs); the workspace gets the notice's own wording.
  await notifyConnection(deps, tx, connection, 'NEEDS_REAUTH');
  deps.logger?.warn(
    { connectionId: connection.id, provider: connection.provider, reason },
    'oauth connection needs re-authorization',
  );
  return true;
}

/**
 * Reports that the provider rejected a connection's token on a normal API call (e.g. a 401
 * `access_token_invalid` right after {@link getAccessToken} handed out a fresh token): the connection
 * goes to NEEDS_REAUTH and the workspace is told once. Resolves whether this call changed the state.
 */
export async function markAuthInvalid(
  deps: OAuthDeps,
  connectionId: string,
  workspaceId: string,
  reason: string,
): Promise<boolean> {
  if (!isUuid(connectionId) || !isUuid(workspaceId)) return false;
  const now = deps.now ? deps.now() : new Date();
  return deps.sql.begin((tx) =>
    transitionToNeedsReauth(deps, tx, { connectionId, workspaceId }, reason, now),
  );
}
