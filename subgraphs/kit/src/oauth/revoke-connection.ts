import { timestampParam } from '../db/index.ts';
import { callRevokeEndpoint } from './call-token-endpoint.ts';
import { type ConnectionRow, findConnection } from './connection-row.ts';
import { openCredential, readCredential } from './credential-store.ts';
import { notifyConnection } from './notify-connection.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';

export interface RevokeResult {
  /** `true` when the provider confirmed, `false` when it failed, `'unsupported'` without an endpoint. */
  revokedAtProvider: boolean | 'unsupported';
  /** The provider's error code when revoking there failed (the local disconnect happens regardless). */
  providerError?: string;
}

/**
 * Disconnects: revokes the grant at the provider where its profile has an endpoint (some have none:
 * uninstalling the app revokes), then deletes the stored credentials and marks the
 * connection DISCONNECTED, notifying the workspace, in one transaction. A failed provider call does not
 * keep the tokens: the user asked to disconnect, and tokens we no longer hold cannot be misused by us.
 */
export async function revoke(
  deps: OAuthDeps,
  connection: Pick<ConnectionRow, 'id' | 'workspace_id'>,
): Promise<RevokeResult> {
  const current = await findConnection(deps.sql, connection.id, connection.workspace_id);
  if (!current) return { revokedAtProvider: false, providerError: 'unknown_connection' };
  const profile = profileOf(deps, current.provider);
  const row = await readCredential(deps.sql, current.id, current.workspace_id);
  let result: RevokeResult = { revokedAtProvider: 'unsupported' };
  if (row && profile.revokeRequest) {
    const opened = openCredential(deps.cipher, row);
    const answer = await callRevokeEndpoint(
      deps,
      profile,
      profile.revokeRequest({
        accountId: current.account_id,
        accessToken: opened.accessToken,
        refreshToken: opened.refreshToken,
      }),
    );
    result = answer.ok
      ? { revokedAtProvider: true }
      : { revokedAtProvider: false, providerError: answer.error.code };
  }
  const now = nowOf(deps);
  await deps.sql.begin(async (tx) => {
    await tx`delete from kit.connection_credentials where connection_id = ${current.id} and workspace_id = ${current.workspace_id}`;
    const changed = await tx`update kit.integration_connections
      set status = 'DISCONNECTED', health = 'UNKNOWN', health_reason = null,
        updated_at = ${timestampParam(now)}::timestamptz
      where id = ${current.id} and status <> 'DISCONNECTED' returning id`;
    if (changed.length > 0) {
      await notifyConnection(deps, tx, current, 'DISCONNECTED');
    }
  });
  deps.logger?.info(
    { connectionId: current.id, provider: current.provider, ...result },
    'oauth connection revoked',
  );
  return result;
}
