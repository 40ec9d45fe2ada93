import { oauthStatesEncryption } from '@ionflux/drizzle/kit';
import { contextFor } from '../crypto/index.ts';
import type { Sql } from '../db/index.ts';
import { callTokenEndpoint } from './call-token-endpoint.ts';
import { type ConnectionRow, isUuid } from './connection-row.ts';
import { writeCredential } from './credential-store.ts';
import { fetchAccountLabel } from './fetch-account-label.ts';
import { notifyConnection } from './notify-connection.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';
import { pgTextArray } from './pg-text-array.ts';
import type { OAuthProvider, TokenSet } from './provider-profile.ts';
import { hashState } from './state-token.ts';

export type AuthorizationFailure =
  | 'state_unknown'
  | 'state_expired'
  | 'state_used'
  | 'account_mismatch'
  | 'provider_denied'
  | 'exchange_failed';

export type CompleteAuthorizationResult =
  | { ok: true; connection: ConnectionRow; created: boolean; returnUrl: string | null }
  | { ok: false; reason: AuthorizationFailure; message: string; returnUrl: string | null };

interface StateRow {
  id: string;
  provider: OAuthProvider;
  workspace_id: string;
  user_id: string;
  owner_type: 'brand' | 'creator';
  owner_id: string;
  account_hint: string | null;
  connection_id: string | null;
  scopes: string[];
  code_verifier_ciphertext: Buffer | null;
  code_verifier_key_id: string | null;
  redirect_uri: string;
  return_url: string | null;
  expires_at: Date;
}

export interface CompleteAuthorizationOptions {
  /** The provider whose callback route received the query; a state of another provider is unknown here. */
  provider?: OAuthProvider | undefined;
  /**
   * The user whose browser brought the callback, when the route can tell (a session cookie): a state
   * started by someone else is then unknown here and stays usable by its owner (login CSRF defence).
   */
  userId?: string | undefined;
}

/** Marks the state used, atomically: of two callbacks racing with one state, exactly one gets the row. */
async function consumeState(sql: Sql, state: string, userId: string | undefined, now: Date) {
  const hash = hashState(state);
  const user = userId ?? null;
  const rows = await sql<StateRow[]>`
    update kit.oauth_states set consumed_at = ${now}
    where state_hash = ${hash} and consumed_at is null and (${user}::uuid is null or user_id = ${user}::uuid)
    returning id, provider, workspace_id, user_id, owner_type, owner_id, account_hint, connection_id, scopes,
      code_verifier_ciphertext, code_verifier_key_id, redirect_uri, return_url, expires_at`;
  if (rows[0]) return { found: rows[0] } as const;
  const used = await sql`select 1 from kit.oauth_states
    where state_hash = ${hash} and consumed_at is not null and (${user}::uuid is null or user_id = ${user}::uuid)`;
  return { missing: used.length > 0 ? 'state_used' : 'state_unknown' } as const;
}

/**
 * Finishes an authorization-code flow from the callback's query: consumes the state (single use), checks
 * its expiry and account, exchanges the code (with the PKCE verifier), then in one transaction upserts
 * the connection (the same account reconnected updates its row), stores the tokens sealed, and notifies
 * the workspace. Expected failures are results, not throws.
 *
 * Shopify signs its callback query: verify the `hmac` (kit/webhooks or the Shopify subgraph) **before**
 * calling this; the OAuth module does not know the signing scheme of each provider.
 */
export async function completeAuthorization(
  deps: OAuthDeps,
  query: Readonly<Record<string, string | undefined>>,
  options: CompleteAuthorizationOptions = {},
): Promise<CompleteAuthorizationResult> {
  const now = nowOf(deps);
  const fail = (reason: AuthorizationFailure, message: string, returnUrl: string | null = null) => {
    deps.logger?.warn({ reason, provider: options.provider }, 'oauth authorization failed');
    return { ok: false as const, reason, message, returnUrl };
  };
  const state = query['state'];
  if (!state) return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  if (options.userId !== undefined && !isUuid(options.userId)) {
    return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  }
  const consumed = await consumeState(deps.sql, state, options.userId, now);
  if ('missing' in consumed) {
    return consumed.missing === 'state_used'
      ? fail('state_used', 'This authorization was already completed. Start connecting again if needed.')
      : fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  }
  const row = consumed.found;
  if (options.provider !== undefined && row.provider !== options.provider) {
    return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  }
  if (row.expires_at.getTime() <= now.getTime()) {
    return fail('state_expired', 'The authorization took too long. Start connecting again.', row.return_url);
  }
  const profile = profileOf(deps, row.provider);
  const reading = profile.readCallback(query);
  if (!reading.ok) {
    return fail(
      'provider_denied',
      `The ${row.provider} authorization was not granted (${/^[a-z_]{1,40}$/.test(reading.error) ? reading.error : 'error'}).`,
      row.return_url,
    );
  }
  if (reading.account !== undefined && row.account_hint !== null && reading.account !== row.account_hint) {
    return fail(
      'account_mismatch',
      `Authorized ${reading.account}, but the request was for ${row.account_hint}.`,
      row.return_url,
    );
  }
  const codeVerifier =
    row.code_verifier_ciphertext && row.code_verifier_key_id
      ? deps.cipher.open(
          { ciphertext: row.code_verifier_ciphertext, keyId: row.code_verifier_key_id },
          contextFor(oauthStatesEncryption, 'codeVerifier', { rowId: row.id, workspaceId: row.workspace_id }),
        )
      : undefined;
  const exchange = await callTokenEndpoint(
    deps,
    profile,
    profile.codeExchangeRequest({
      code: reading.code,
      redirectUri: row.redirect_uri,
      codeVerifier,
      accountHint: row.account_hint ?? undefined,
    }),
  );
  if (!exchange.ok) {
    deps.logger?.warn({ provider: row.provider, error: exchange.error.code }, 'oauth code exchange failed');
    return fail(
      'exchange_failed',
      `${row.provider} did not accept the authorization (${exchange.error.code}). Try again.`,
      row.return_url,
    );
  }
  const tokens = exchange.tokens;
  const accountId = tokens.accountId ?? reading.account ?? row.account_hint ?? undefined;
  if (accountId === undefined) {
    return fail(
      'exchange_failed',
      `${row.provider} did not say which account was authorized.`,
      row.return_url,
    );
  }
  if (row.account_hint !== null && accountId !== row.account_hint) {
    return fail(
      'account_mismatch',
      'A different account was authorized than the one being connected.',
      row.return_url,
    );
  }
  const label = await fetchAccountLabel(deps, profile, tokens.accessToken);
  const saved = await saveConnection(deps, row, accountId, label, tokens, now);
  deps.logger?.info(
    {
      provider: row.provider,
      workspaceId: row.workspace_id,
      connectionId: saved.connection.id,
      created: saved.created,
    },
    'oauth connection authorized',
  );
  return { ok: true, ...saved, returnUrl: row.return_url };
}

async function saveConnection(
  deps: OAuthDeps,
  state: StateRow,
  accountId: string,
  label: string | undefined,
  tokens: TokenSet,
  now: Date,
) {
  const scopes = tokens.scopes.length > 0 ? tokens.scopes : state.scopes;
  // Without a label from the provider, the account id (a shop domain reads well) stands in.
  const displayName = label ?? (state.provider === 'shopify' ? accountId : null);
  return deps.sql.begin(async (tx) => {
    const rows = await tx<(ConnectionRow & { created: boolean })[]>`
      insert into kit.integration_connections as c (workspace_id, provider, owner_type, owner_id, account_id,
        display_name, status, scopes, health, connected_at, created_at, updated_at)
      values (${state.workspace_id}, ${state.provider}, ${state.owner_type}, ${state.owner_id}, ${accountId},
        ${displayName}, 'CONNECTED', ${pgTextArray(scopes)}::text[], 'HEALTHY', ${now}, ${now}, ${now})
      on conflict (workspace_id, provider, account_id) do update set
        owner_type = excluded.owner_type, owner_id = excluded.owner_id,
        display_name = coalesce(excluded.display_name, c.display_name),
        status = 'CONNECTED', scopes = excluded.scopes, health = 'HEALTHY', health_reason = null,
        connected_at = excluded.connected_at, updated_at = excluded.updated_at
      returning id, workspace_id, provider, owner_type, owner_id, account_id, display_name, status, scopes,
        connected_at, updated_at, (xmax = 0) as created`;
    const { created, ...connection } = rows[0] as ConnectionRow & { created: boolean };
    await writeCredential(
      tx,
      deps.cipher,
      { connectionId: connection.id, workspaceId: connection.workspace_id },
      tokens,
      now,
      'authorize',
    );
    await notifyConnection(deps, tx, connection, 'CONNECTED');
    return { connection, created };
  });
}
