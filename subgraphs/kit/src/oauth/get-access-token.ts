import type { Sql } from '../db/index.ts';
import { IntegrationError } from '../errors/index.ts';
import { accountLabel, findConnection } from './connection-row.ts';
import { openCredential, readCredential } from './credential-store.ts';
import { nowOf, type OAuthDeps } from './oauth-deps.ts';
import {
  expiresWithin,
  type FreshToken,
  type RefreshOutcome,
  refreshCredential,
} from './refresh-credential.ts';

/** @default 5 min: refresh a token this close to its expiry instead of handing it out. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

export interface AccessToken extends FreshToken {
  /** The provider's account id (shop domain, open_id): what API URLs need. */
  accountId: string;
  scopes: string[];
}

// In-process single flight: callers of one process that need the same refresh share one promise. Keyed
// by the database handle, so each pool (a process, or a simulated one in tests) has its own table.
const inFlight = new WeakMap<Sql, Map<string, Promise<RefreshOutcome>>>();

/** Runs `refresh` once for concurrent callers with the same key on the same database handle. */
export function singleFlight(
  sql: Sql,
  key: string,
  refresh: () => Promise<RefreshOutcome>,
): Promise<RefreshOutcome> {
  let table = inFlight.get(sql);
  if (!table) {
    table = new Map();
    inFlight.set(sql, table);
  }
  const running = table.get(key);
  if (running) return running;
  const started = refresh().finally(() => table.delete(key));
  table.set(key, started);
  return started;
}

/**
 * A usable access token of a connection, for one request: decrypted in memory only, refreshed first when
 * it expires within the margin. Refreshing is single-flight within the process (shared promise) and
 * across processes (advisory lock + version re-read), so any number of concurrent callers cause at most
 * one call to the provider. Throws `NOT_FOUND` for a connection of a provider without a profile in
 * `deps` (another subgraph's), `INTEGRATION_NOT_CONNECTED`, `INTEGRATION_AUTH_INVALID` (reconnect),
 * `PROVIDER_UNAVAILABLE` or `PROVIDER_API_ERROR`.
 */
export async function getAccessToken(
  deps: OAuthDeps,
  connectionId: string,
  workspaceId: string,
  options: { marginMs?: number } = {},
): Promise<AccessToken> {
  const connection = await findConnection(deps.sql, connectionId, workspaceId);
  if (!connection || connection.status === 'DISCONNECTED' || connection.status === 'PENDING') {
    throw new IntegrationError(
      'INTEGRATION_NOT_CONNECTED',
      'This account is not connected. Connect it first.',
    );
  }
  const reconnect = () =>
    new IntegrationError(
      'INTEGRATION_AUTH_INVALID',
      `Reconnect ${connection.provider} account ${accountLabel(connection)}: its authorization was revoked or has expired.`,
      { details: { connectionId, provider: connection.provider } },
    );
  if (!Object.hasOwn(deps.profiles, connection.provider)) {
    // A connection id of another provider (one subgraph given another's connection id): its token must
    // never be sent to this process's provider, whose URLs would be built from a foreign account id.
    throw new IntegrationError(
      'NOT_FOUND',
      `That is a ${connection.provider} connection; this service uses ${Object.keys(deps.profiles).join(', ')} connections only.`,
      { details: { connectionId, provider: connection.provider } },
    );
  }
  if (connection.status === 'NEEDS_REAUTH') throw reconnect();
  const row = await readCredential(deps.sql, connectionId, workspaceId);
  if (!row)
    throw new IntegrationError(
      'INTEGRATION_NOT_CONNECTED',
      'This account has no stored credentials. Reconnect it.',
    );
  const base = { accountId: connection.account_id, scopes: connection.scopes };
  const marginMs = options.marginMs ?? deps.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  if (!expiresWithin(row.access_token_expires_at, nowOf(deps), marginMs)) {
    const opened = openCredential(deps.cipher, row);
    return { ...base, accessToken: opened.accessToken, expiresAt: opened.accessTokenExpiresAt };
  }
  const outcome = await singleFlight(deps.sql, connectionId, () =>
    refreshCredential(deps, { connectionId, workspaceId }, row.version, marginMs),
  );
  switch (outcome.kind) {
    case 'fresh':
      return { ...base, ...outcome.token };
    case 'not_connected':
      throw new IntegrationError(
        'INTEGRATION_NOT_CONNECTED',
        'This account is not connected. Connect it first.',
      );
    case 'auth_invalid':
      throw reconnect();
    case 'failed': {
      // A proactive refresh that failed is no reason to fail a request the current token can still serve.
      if (outcome.stillValid) return { ...base, ...outcome.stillValid };
      const message = `${connection.provider} could not refresh the access token (${outcome.error.code}). Try again shortly.`;
      throw new IntegrationError(
        outcome.error.kind === 'transient' ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_API_ERROR',
        message,
        {
          details: { provider: connection.provider },
        },
      );
    }
    default: {
      const unreachable: never = outcome;
      throw new Error(`unexpected refresh outcome ${String(unreachable)}`);
    }
  }
}
