import { timingSafeEqual } from 'node:crypto';
import { oauthStatesEncryption } from '@ionflux/drizzle/kit';
import { contextFor } from '../crypto/index.ts';
import { readTimestamp, type StoredTimestamp, timestampParam } from '../db/index.ts';
import type { ErrorCode } from '../errors/index.ts';
import { bindingCookieName, readBindingCookie } from './browser-binding-cookie.ts';
import { callTokenEndpoint } from './call-token-endpoint.ts';
import { type ConnectionRow, isUuid, type StoredConnectionRow, toConnectionRow } from './connection-row.ts';
import { readCookie } from './cookie-header.ts';
import { writeCredential } from './credential-store.ts';
import { fetchAccountLabel } from './fetch-account-label.ts';
import { notifyConnection } from './notify-connection.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';
import type { OAuthSigningKey } from './oauth-signing-key.ts';
import { pgTextArray } from './pg-text-array.ts';
import type { OAuthProvider, TokenSet } from './provider-profile.ts';
import { hashState } from './state-token.ts';

export type AuthorizationFailure =
  | 'state_unknown'
  | 'state_expired'
  | 'state_used'
  | 'browser_mismatch'
  | 'account_mismatch'
  | 'provider_denied'
  | 'exchange_failed';

/** The code a callback refusal answers with (a 4xx status). */
const failureCodes: Record<AuthorizationFailure, ErrorCode> = {
  state_unknown: 'INVALID_REQUEST',
  state_expired: 'INVALID_REQUEST',
  state_used: 'INVALID_REQUEST',
  browser_mismatch: 'FORBIDDEN',
  account_mismatch: 'INVALID_REQUEST',
  provider_denied: 'FORBIDDEN',
  exchange_failed: 'INVALID_REQUEST',
};

/** A connection as the flow left it, with the user who made it. */
export type AuthorizedConnection = ConnectionRow & { connected_by: string };

export type CompleteAuthorizationResult =
  | { ok: true; connection: AuthorizedConnection; created: boolean; returnUrl: string | null }
  | {
      ok: false;
      reason: AuthorizationFailure;
      code: ErrorCode;
      message: string;
      returnUrl: string | null;
    };

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
  expires_at: StoredTimestamp;
}

export interface CompleteAuthorizationOptions {
  /**
   * The callback route's provider key (`deriveOAuthSigningKey`): the start route signed the browser's
   * binding cookie with it. Its provider is the callback's; a state of another provider is unknown here.
   */
  key: OAuthSigningKey;
  /** The callback request's `Cookie` header: it must carry the flow's binding cookie. */
  cookieHeader: string | undefined;
  /**
   * The user whose browser brought the callback, when the route can tell (a session cookie): a state
   * started by someone else is then unknown here and stays usable by its owner (login CSRF defence).
   */
  userId?: string | undefined;
}

interface PendingState {
  provider: OAuthProvider;
  user_id: string;
  browser_binding_hash: string | null;
  consumed_at: StoredTimestamp | null;
}

type BindingCheck =
  | { ok: true; nonceHash: string }
  | { ok: false; reason: 'state_unknown' | 'state_used' | 'browser_mismatch'; detail?: string };

/**
 * Before anything is consumed: the state exists for this provider (and user), is unused, and this
 * browser brings the cookie the start route set for it. A refusal here leaves the state usable by the
 * browser that started it.
 */
async function checkBrowserBinding(
  sql: OAuthDeps['sql'],
  state: string,
  options: CompleteAuthorizationOptions,
): Promise<BindingCheck> {
  const [found] = await sql<PendingState[]>`
    select provider, user_id, browser_binding_hash, consumed_at from kit.oauth_states
    where state_hash = ${hashState(state)}`;
  const provider = options.key.provider;
  if (!found || found.provider !== provider) return { ok: false, reason: 'state_unknown' };
  if (options.userId !== undefined && found.user_id !== options.userId)
    return { ok: false, reason: 'state_unknown' };
  if (found.consumed_at) return { ok: false, reason: 'state_used' };
  const cookie = readBindingCookie(
    options.key,
    state,
    readCookie(options.cookieHeader, bindingCookieName(provider, state)),
  );
  if (!cookie.ok) return { ok: false, reason: 'browser_mismatch', detail: cookie.problem };
  if (found.browser_binding_hash === null)
    return { ok: false, reason: 'browser_mismatch', detail: 'not_started' };
  const same =
    found.browser_binding_hash.length === cookie.nonceHash.length &&
    timingSafeEqual(Buffer.from(found.browser_binding_hash), Buffer.from(cookie.nonceHash));
  return same
    ? { ok: true, nonceHash: cookie.nonceHash }
    : { ok: false, reason: 'browser_mismatch', detail: 'differs' };
}

/** Marks the state used, atomically: of two callbacks racing with one state, exactly one gets the row. */
async function consumeState(sql: OAuthDeps['sql'], state: string, nonceHash: string, now: Date) {
  const rows = await sql<StateRow[]>`
    update kit.oauth_states set consumed_at = ${timestampParam(now)}::timestamptz
    where state_hash = ${hashState(state)} and consumed_at is null and browser_binding_hash = ${nonceHash}
    returning id, provider, workspace_id, user_id, owner_type, owner_id, account_hint, connection_id, scopes,
      code_verifier_ciphertext, code_verifier_key_id, redirect_uri, return_url, expires_at`;
  return rows[0];
}

/**
 * Finishes an authorization-code flow from the callback's query: checks that the browser brings the
 * binding cookie the start route set for this state (else `browser_mismatch`, and the state stays
 * unused), consumes the state (single use), checks its expiry and account, exchanges the code (with the
 * PKCE verifier), then in one transaction upserts the connection (the same account reconnected updates
 * its row) recording the user who started the flow as `connected_by`, stores the tokens sealed, and
 * notifies the workspace. Expected failures are results with a code, not throws.
 *
 * A provider that signs its callback query: verify that signature in the subgraph's callback route
 * **before** calling this; the OAuth module does not know the signing scheme of each provider.
 */
export async function completeAuthorization(
  deps: OAuthDeps,
  query: Readonly<Record<string, string | undefined>>,
  options: CompleteAuthorizationOptions,
): Promise<CompleteAuthorizationResult> {
  const now = nowOf(deps);
  const provider = options.key.provider;
  const fail = (
    reason: AuthorizationFailure,
    message: string,
    returnUrl: string | null = null,
    detail?: string,
  ) => {
    deps.logger?.warn({ reason, provider, ...(detail ? { detail } : {}) }, 'oauth authorization failed');
    return { ok: false as const, reason, code: failureCodes[reason], message, returnUrl };
  };
  const state = query['state'];
  if (!state) return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  if (options.userId !== undefined && !isUuid(options.userId)) {
    return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
  }
  const binding = await checkBrowserBinding(deps.sql, state, options);
  if (!binding.ok) {
    switch (binding.reason) {
      case 'state_used':
        return fail(
          'state_used',
          'This authorization was already completed. Start connecting again if needed.',
        );
      case 'state_unknown':
        return fail('state_unknown', 'The authorization link is invalid. Start connecting again.');
      case 'browser_mismatch':
        return fail(
          'browser_mismatch',
          'This authorization was started in another browser. Finish it in the browser that started it, or start connecting again here.',
          null,
          binding.detail,
        );
      default:
        return binding.reason satisfies never;
    }
  }
  const row = await consumeState(deps.sql, state, binding.nonceHash, now);
  if (!row) {
    return fail('state_used', 'This authorization was already completed. Start connecting again if needed.');
  }
  if (readTimestamp(row.expires_at).getTime() <= now.getTime()) {
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
  // Without a label from the provider, an account id that reads as a name (a store's domain) stands in.
  const label =
    (await fetchAccountLabel(deps, profile, tokens.accessToken)) ??
    (profile.provider.accountIdIsName ? accountId : undefined);
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
  const displayName = label ?? null;
  return deps.sql.begin(async (tx) => {
    const at = timestampParam(now);
    // `previous` reads the row as it was before this statement (one snapshot for the whole statement).
    const rows = await tx<
      (StoredConnectionRow & { connected_by: string; created: boolean; previous_status: string | null })[]
    >`
      with previous as (
        select status from kit.integration_connections
        where workspace_id = ${state.workspace_id} and provider = ${state.provider} and account_id = ${accountId}
      )
      insert into kit.integration_connections as c (workspace_id, provider, owner_type, owner_id, account_id,
        display_name, status, scopes, health, connected_at, connected_by, created_at, updated_at)
      values (${state.workspace_id}, ${state.provider}, ${state.owner_type}, ${state.owner_id}, ${accountId},
        ${displayName}, 'CONNECTED', ${pgTextArray(scopes)}::text[], 'HEALTHY', ${at}::timestamptz,
        ${state.user_id}, ${at}::timestamptz, ${at}::timestamptz)
      on conflict (workspace_id, provider, account_id) do update set
        owner_type = excluded.owner_type, owner_id = excluded.owner_id,
        display_name = coalesce(excluded.display_name, c.display_name),
        status = 'CONNECTED', scopes = excluded.scopes, health = 'HEALTHY', health_reason = null,
        connected_at = excluded.connected_at, connected_by = excluded.connected_by,
        updated_at = excluded.updated_at
      returning id, workspace_id, provider, owner_type, owner_id, account_id, display_name, status, scopes,
        connected_at, connected_by, updated_at, (xmax = 0) as created,
        (select status from previous) as previous_status`;
    const [saved] = rows;
    if (!saved) throw new Error('the connection upsert returned no row');
    const { previous_status: previousStatus, ...stored } = saved;
    const { created, ...connection }: AuthorizedConnection & { created: boolean } = toConnectionRow(stored);
    await writeCredential(
      tx,
      deps.cipher,
      { connectionId: connection.id, workspaceId: connection.workspace_id },
      tokens,
      now,
      'authorize',
    );
    // Authorising a connection that is connected already (more scopes, say) changes no state to announce.
    if (previousStatus !== 'CONNECTED') await notifyConnection(deps, tx, connection, 'CONNECTED');
    return { connection, created };
  });
}
