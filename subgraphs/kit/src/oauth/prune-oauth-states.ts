import { timestampParam } from '../db/index.ts';
import { nowOf, type OAuthDeps } from './oauth-deps.ts';

/**
 * For a periodic job: deletes authorization states that expired more than `graceMs` ago, used or not
 * (with them go their sealed PKCE verifiers). The grace keeps a just-expired state answering
 * `state_expired` rather than `state_unknown` for a while. Scheduled by kit/jobs `kitMaintenanceCron`.
 * @returns how many were deleted
 */
export async function pruneOAuthStates(
  deps: Pick<OAuthDeps, 'sql' | 'now'>,
  options: { graceMs?: number } = {},
): Promise<number> {
  const cutoff = new Date(nowOf(deps).getTime() - (options.graceMs ?? 24 * 3600_000));
  const deleted =
    await deps.sql`delete from kit.oauth_states where expires_at < ${timestampParam(cutoff)}::timestamptz`;
  return deleted.count;
}
