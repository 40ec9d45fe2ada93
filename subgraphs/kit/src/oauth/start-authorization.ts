import { randomUUID } from 'node:crypto';
import { oauthStatesEncryption } from '@ionflux/drizzle/kit';
import { contextFor } from '../crypto/index.ts';
import { timestampParam } from '../db/index.ts';
import { IntegrationError } from '../errors/index.ts';
import { findConnection, isUuid } from './connection-row.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';
import { pgTextArray } from './pg-text-array.ts';
import type { OAuthProvider } from './provider-profile.ts';
import { hashState, newPkcePair, newState } from './state-token.ts';

/** How long a user has to finish authorizing. */
export const STATE_TTL_MS = 10 * 60_000;

export interface ConnectionOwner {
  type: 'brand' | 'creator';
  id: string;
}

export interface StartAuthorizationInput {
  provider: OAuthProvider;
  workspaceId: string;
  userId: string;
  /** Who the connection will belong to; taken from the connection when `connectionId` is set. */
  owner?: ConnectionOwner | undefined;
  /** What to ask for. With `connectionId`, the scopes already granted are added (incremental). */
  scopes: readonly string[];
  /** Our callback URL, registered with the provider (`${IONFLUX_PUBLIC_URL}/oauth/{provider}/callback`). */
  redirectUri: string;
  /**
   * Our start route (`${IONFLUX_PUBLIC_URL}/oauth/{provider}/start`): the link handed out is this with the
   * state; opening it binds the browser and redirects to the provider (see `beginBrowserAuthorization`).
   */
  startUrl: string;
  /** The account, when it must be known up front (e.g. a store's domain that is part of the URL). */
  accountHint?: string | undefined;
  /** An existing connection to widen: its scopes are kept and its account must come back. */
  connectionId?: string | undefined;
  /** Where the browser goes after the callback. */
  returnUrl?: string | undefined;
}

export interface AuthorizationStart {
  /**
   * Where to send the user: our start route with the state. It opens once: the browser that opens it is
   * the only one whose callback is accepted.
   */
  startUrl: string;
  /** The raw state (also inside the URL); only its SHA-256 is stored. */
  state: string;
  expiresAt: Date;
  /** What the URL asks for: the request, plus what the connection already has. */
  scopes: string[];
}

/**
 * Begins an authorization-code flow: stores a single-use, expiring state bound to the workspace, user,
 * owner, account and scopes (and an envelope-sealed PKCE verifier where the provider takes one), and
 * returns the link to our start route, which binds the browser that opens it and redirects to the
 * provider. No provider URL is handed out before a browser is bound.
 */
export async function startAuthorization(
  deps: OAuthDeps,
  input: StartAuthorizationInput,
): Promise<AuthorizationStart> {
  const profile = profileOf(deps, input.provider);
  let owner = input.owner;
  let accountHint = input.accountHint;
  let scopes = [...new Set(input.scopes)];
  if (input.connectionId !== undefined) {
    const connection = await findConnection(deps.sql, input.connectionId, input.workspaceId);
    if (!connection || connection.provider !== input.provider) {
      throw new IntegrationError('NOT_FOUND', 'That connection does not exist in this workspace.');
    }
    owner = { type: connection.owner_type, id: connection.owner_id };
    accountHint = connection.account_id;
    scopes = [...new Set([...connection.scopes, ...scopes])];
  }
  if (!owner) throw new IntegrationError('INVALID_REQUEST', 'A brand or creator must own the connection.');
  if (!isUuid(owner.id)) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      `The ${owner.type} id must be a UUID, e.g. the brand's id in IONFLUX.`,
    );
  }
  if (accountHint !== undefined && profile.normalizeAccount) {
    try {
      accountHint = profile.normalizeAccount(accountHint);
    } catch {
      throw new IntegrationError(
        'INVALID_REQUEST',
        `"${accountHint}" is not a valid ${input.provider} account.`,
      );
    }
  }
  if (profile.requiresAccountHint && accountHint === undefined) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      `Connecting ${input.provider} needs the account (e.g. the shop).`,
    );
  }
  if (scopes.length === 0) throw new IntegrationError('INVALID_REQUEST', 'Request at least one scope.');

  const id = randomUUID();
  const state = newState();
  const pkce = profile.supportsPkce ? newPkcePair() : undefined;
  const sealedVerifier = pkce
    ? deps.cipher.seal(
        pkce.verifier,
        contextFor(oauthStatesEncryption, 'codeVerifier', { rowId: id, workspaceId: input.workspaceId }),
      )
    : undefined;
  const expiresAt = new Date(nowOf(deps).getTime() + STATE_TTL_MS);
  await deps.sql`
    insert into kit.oauth_states (id, state_hash, provider, workspace_id, user_id, owner_type, owner_id,
      account_hint, connection_id, scopes, code_verifier_ciphertext, code_verifier_key_id, redirect_uri,
      return_url, expires_at, created_at)
    values (${id}, ${hashState(state)}, ${input.provider}, ${input.workspaceId}, ${input.userId},
      ${owner.type}, ${owner.id}, ${accountHint ?? null}, ${input.connectionId ?? null},
      ${pgTextArray(scopes)}::text[], ${sealedVerifier?.ciphertext ?? null}, ${sealedVerifier?.keyId ?? null},
      ${input.redirectUri}, ${input.returnUrl ?? null}, ${timestampParam(expiresAt)}::timestamptz,
      ${timestampParam(nowOf(deps))}::timestamptz)`;
  const startUrl = new URL(input.startUrl);
  startUrl.search = '';
  startUrl.searchParams.set('state', state);
  deps.logger?.info(
    {
      provider: input.provider,
      workspaceId: input.workspaceId,
      stateId: id,
      scopes,
      pkce: pkce !== undefined,
    },
    'oauth authorization started',
  );
  return { startUrl: startUrl.toString(), state, expiresAt, scopes };
}
