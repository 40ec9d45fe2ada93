import { timestampParam } from '../db/index.ts';
import { callTokenEndpoint } from './call-token-endpoint.ts';
import type { ConnectionRow } from './connection-row.ts';
import {
  type CredentialRow,
  openCredential,
  type StoredCredentialRow,
  toCredentialRow,
  writeCredential,
} from './credential-store.ts';
import { transitionToNeedsReauth } from './mark-auth-invalid.ts';
import { nowOf, type OAuthDeps, profileOf, type Transaction } from './oauth-deps.ts';
import { pgTextArray } from './pg-text-array.ts';
import type { TokenError } from './provider-profile.ts';
import { countRefresh } from './refresh-metrics.ts';

// First key of pg_advisory_xact_lock(int, int): the OAuth refresh namespace; the second is the
// connection id hashed. Any constant works as long as every IONFLUX process uses the same one.
const REFRESH_LOCK_NAMESPACE = 41_004;

export interface FreshToken {
  accessToken: string;
  expiresAt: Date | null;
}

export type RefreshOutcome =
  | { kind: 'fresh'; token: FreshToken; refreshed: boolean }
  | { kind: 'not_connected' }
  | { kind: 'auth_invalid'; reason: string }
  | { kind: 'failed'; error: TokenError; stillValid: FreshToken | undefined };

type LockedRow = CredentialRow & Pick<ConnectionRow, 'provider' | 'account_id' | 'status'>;
type StoredLockedRow = StoredCredentialRow & Pick<ConnectionRow, 'provider' | 'account_id' | 'status'>;

export function expiresWithin(expiresAt: Date | null, now: Date, marginMs: number): boolean {
  return expiresAt !== null && expiresAt.getTime() - now.getTime() <= marginMs;
}

/**
 * Refreshes one connection's tokens unless someone else already did: under a transaction-scoped advisory
 * lock keyed on the connection, so across every process only one refresher talks to the provider at a
 * time; after the lock it re-reads the row, and a `version` other than `seenVersion` (or a token no longer
 * expiring) means another process refreshed while we waited: we use theirs. The lock is held during the
 * provider call on purpose: a rotated refresh token must be stored before anyone else may use the old one.
 */
export async function refreshCredential(
  deps: OAuthDeps,
  target: { connectionId: string; workspaceId: string },
  seenVersion: number,
  marginMs: number,
): Promise<RefreshOutcome> {
  let provider: string | undefined;
  const outcome = await deps.sql.begin(async (tx): Promise<RefreshOutcome> => {
    await tx`select pg_advisory_xact_lock(${REFRESH_LOCK_NAMESPACE}, hashtext(${target.connectionId}))`;
    const rows = await tx<StoredLockedRow[]>`
      select c.connection_id, c.workspace_id, c.access_token_ciphertext, c.access_token_key_id,
             c.access_token_expires_at, c.refresh_token_ciphertext, c.refresh_token_key_id,
             c.refresh_token_expires_at, c.version, c.refresh_failures, i.provider, i.account_id, i.status
      from kit.connection_credentials c join kit.integration_connections i on i.id = c.connection_id
      where c.connection_id = ${target.connectionId} and c.workspace_id = ${target.workspaceId}`;
    const row: LockedRow | undefined = rows[0] && toCredentialRow(rows[0]);
    if (!row || row.status === 'DISCONNECTED') return { kind: 'not_connected' };
    provider = row.provider;
    if (row.status === 'NEEDS_REAUTH') return { kind: 'auth_invalid', reason: 'already marked NEEDS_REAUTH' };
    const now = nowOf(deps);
    const current = openCredential(deps.cipher, row);
    const currentToken = { accessToken: current.accessToken, expiresAt: current.accessTokenExpiresAt };
    if (row.version !== seenVersion || !expiresWithin(row.access_token_expires_at, now, marginMs)) {
      return { kind: 'fresh', token: currentToken, refreshed: false };
    }
    if (current.refreshToken === undefined) {
      if (current.accessTokenExpiresAt && current.accessTokenExpiresAt > now) {
        return { kind: 'fresh', token: currentToken, refreshed: false };
      }
      await transitionToNeedsReauth(deps, tx, target, 'access token expired and no refresh token', now);
      return { kind: 'auth_invalid', reason: 'access token expired and no refresh token' };
    }
    const profile = profileOf(deps, row.provider);
    const result = await callTokenEndpoint(
      deps,
      profile,
      profile.refreshRequest({
        accountId: row.account_id,
        accessToken: current.accessToken,
        refreshToken: current.refreshToken,
      }),
    );
    const afterCall = nowOf(deps);
    if (result.ok) {
      await writeCredential(tx, deps.cipher, target, result.tokens, afterCall, 'refresh');
      if (result.tokens.scopes.length > 0) {
        await tx`update kit.integration_connections set scopes = ${pgTextArray(result.tokens.scopes)}::text[],
          health = 'HEALTHY', health_reason = null, updated_at = ${timestampParam(afterCall)}::timestamptz
          where id = ${target.connectionId}`;
      }
      deps.logger?.info(
        { connectionId: target.connectionId, provider: row.provider },
        'oauth token refreshed',
      );
      const expiresAt =
        result.tokens.expiresIn === undefined
          ? null
          : new Date(afterCall.getTime() + result.tokens.expiresIn * 1000);
      return { kind: 'fresh', token: { accessToken: result.tokens.accessToken, expiresAt }, refreshed: true };
    }
    return recordFailure(deps, tx, target, result.error, afterCall, currentToken);
  });
  if (provider !== undefined) countRefresh(deps, provider, outcome);
  // A refresh that reached the provider is a call through the connection: its health counts it.
  if (outcome.kind === 'fresh' && outcome.refreshed)
    deps.health?.record(target.connectionId, { ok: true }, 'refresh');
  if (outcome.kind === 'failed') {
    const code = outcome.error.kind === 'transient' ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_API_ERROR';
    deps.health?.record(target.connectionId, { ok: false, code }, 'refresh');
  }
  return outcome;
}

async function recordFailure(
  deps: OAuthDeps,
  tx: Transaction,
  target: { connectionId: string; workspaceId: string },
  error: TokenError,
  now: Date,
  currentToken: FreshToken,
): Promise<RefreshOutcome> {
  const summary = `${error.code}: ${error.description}`.slice(0, 500);
  await tx`update kit.connection_credentials
    set refresh_failures = refresh_failures + 1, last_refresh_error = ${summary},
      updated_at = ${timestampParam(now)}::timestamptz
    where connection_id = ${target.connectionId}`;
  if (error.kind === 'revoked') {
    await transitionToNeedsReauth(deps, tx, target, `refresh rejected: ${error.code}`, now);
    return { kind: 'auth_invalid', reason: error.code };
  }
  deps.logger?.warn(
    { connectionId: target.connectionId, error: error.code, kind: error.kind },
    'oauth token refresh failed',
  );
  const stillValid =
    currentToken.expiresAt !== null && currentToken.expiresAt > now ? currentToken : undefined;
  return { kind: 'failed', error, stillValid };
}
