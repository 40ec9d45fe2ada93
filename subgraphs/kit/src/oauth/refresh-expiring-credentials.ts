import { timestampParam } from '../db/index.ts';
import { singleFlight } from './get-access-token.ts';
import { nowOf, type OAuthDeps } from './oauth-deps.ts';
import { refreshCredential } from './refresh-credential.ts';

export interface RefreshSweepResult {
  refreshed: number;
  /** Already refreshed by someone else, or no longer expiring. */
  skipped: number;
  needsReauth: number;
  failed: number;
}

/**
 * For a periodic job: refreshes every connected credential whose access token expires within `within`
 * ms (and that has a refresh token) of the providers this process has profiles for, through the same single-flight path as {@link getAccessToken}, so a
 * sweep and live requests never refresh the same token twice. Sequential on purpose: a sweep is not
 * latency-sensitive and should not burst a provider's token endpoint.
 */
export async function refreshExpiringCredentials(
  deps: OAuthDeps,
  options: { within: number; limit?: number },
): Promise<RefreshSweepResult> {
  const horizon = new Date(nowOf(deps).getTime() + options.within);
  const due = await deps.sql<{ connection_id: string; workspace_id: string; version: number }[]>`
    select c.connection_id, c.workspace_id, c.version
    from kit.connection_credentials c join kit.integration_connections i on i.id = c.connection_id
    where i.status = 'CONNECTED' and i.provider = any(${Object.keys(deps.profiles)})
      and c.refresh_token_ciphertext is not null
      and c.access_token_expires_at is not null and c.access_token_expires_at <= ${timestampParam(horizon)}::timestamptz
    order by c.access_token_expires_at
    limit ${options.limit ?? 500}`;
  const result: RefreshSweepResult = { refreshed: 0, skipped: 0, needsReauth: 0, failed: 0 };
  for (const row of due) {
    const target = { connectionId: row.connection_id, workspaceId: row.workspace_id };
    const outcome = await singleFlight(deps.sql, row.connection_id, () =>
      refreshCredential(deps, target, row.version, options.within),
    );
    if (outcome.kind === 'fresh') result[outcome.refreshed ? 'refreshed' : 'skipped'] += 1;
    else if (outcome.kind === 'auth_invalid') result.needsReauth += 1;
    else if (outcome.kind === 'failed') result.failed += 1;
    else result.skipped += 1;
  }
  deps.logger?.info({ ...result, due: due.length }, 'oauth refresh sweep done');
  return result;
}
