import { oauthStatesEncryption } from '@ionflux/drizzle/kit';
import { contextFor } from '../crypto/index.ts';
import { readTimestamp, type StoredTimestamp, timestampParam } from '../db/index.ts';
import { type ErrorCode, isIntegrationError } from '../errors/index.ts';
import { newBindingCookie } from './browser-binding-cookie.ts';
import { serializeCookie } from './cookie-header.ts';
import { readGrantTicket } from './grant-ticket.ts';
import { nowOf, type OAuthDeps, profileOf } from './oauth-deps.ts';
import type { OAuthSigningKey } from './oauth-signing-key.ts';
import { startAuthorization } from './start-authorization.ts';
import { hashState, pkceChallenge } from './state-token.ts';

export interface BeginBrowserAuthorizationInput {
  /** The provider's signing key (its provider is the flow's); see `deriveOAuthSigningKey`. */
  key: OAuthSigningKey;
  /**
   * The start route's query: `state` (a link from `startAuthorization`) or `ticket` (a grant URL from
   * `requireScopes`, whose state is created now).
   */
  query: Readonly<Record<string, string | undefined>>;
  /** Where the binding cookie is sent: `path` covers the start route and the callback. */
  cookie: { path: string; secure: boolean };
  /** For a ticket: our callback (`…/oauth/{provider}/callback`), our start route, the return URL. */
  redirectUri: string;
  startUrl: string;
  returnUrl?: string | undefined;
}

export type BrowserStartFailure =
  | 'link_invalid'
  | 'state_unknown'
  | 'state_expired'
  | 'state_used'
  | 'state_started'
  | 'ticket_invalid'
  | 'ticket_expired'
  | 'connection_unknown';

export type BeginBrowserAuthorizationResult =
  | {
      ok: true;
      /** The provider's consent page for this state; redirect the browser there. */
      authorizationUrl: string;
      /** The `Set-Cookie` value binding this browser to the flow. */
      setCookie: string;
    }
  | { ok: false; reason: BrowserStartFailure; code: ErrorCode; message: string };

interface StartedRow {
  id: string;
  workspace_id: string;
  account_hint: string | null;
  scopes: string[];
  code_verifier_ciphertext: Buffer | null;
  code_verifier_key_id: string | null;
  redirect_uri: string;
  expires_at: StoredTimestamp;
}

const START_AGAIN = 'Start connecting again from the app.';

/**
 * The start route (`GET /oauth/{provider}/start`), as OAuth libraries do their `begin`: binds the
 * browser that opens the link to the flow with a signed, HttpOnly, `SameSite=Lax` cookie holding a
 * random nonce, whose hash is recorded on the state row, and returns the provider's consent URL. A state
 * opens once (a second open, in any browser, is refused), so only the first browser's callback counts.
 * Expected failures are results with a code from ErrorCode.
 */
export async function beginBrowserAuthorization(
  deps: OAuthDeps,
  input: BeginBrowserAuthorizationInput,
): Promise<BeginBrowserAuthorizationResult> {
  const provider = input.key.provider;
  const fail = (reason: BrowserStartFailure, code: ErrorCode, message: string) => {
    deps.logger?.warn({ reason, provider }, 'oauth start refused');
    return { ok: false as const, reason, code, message };
  };
  let state = input.query['state'];
  const ticketValue = input.query['ticket'];
  if ((state === undefined) === (ticketValue === undefined) || state === '' || ticketValue === '') {
    return fail('link_invalid', 'INVALID_REQUEST', `This link is incomplete. ${START_AGAIN}`);
  }
  if (ticketValue !== undefined) {
    const reading = readGrantTicket(input.key, ticketValue, nowOf(deps));
    if (!reading.ok) {
      return reading.problem === 'expired'
        ? fail(
            'ticket_expired',
            'INVALID_REQUEST',
            `This link to grant more access has expired. ${START_AGAIN}`,
          )
        : fail(
            'ticket_invalid',
            'INVALID_REQUEST',
            `This link to grant more access is not valid. ${START_AGAIN}`,
          );
    }
    const { ticket } = reading;
    try {
      const start = await startAuthorization(deps, {
        provider,
        workspaceId: ticket.workspaceId,
        userId: ticket.userId,
        connectionId: ticket.connectionId,
        scopes: ticket.scopes,
        redirectUri: input.redirectUri,
        startUrl: input.startUrl,
        returnUrl: input.returnUrl,
      });
      state = start.state;
    } catch (error) {
      if (isIntegrationError(error) && error.code === 'NOT_FOUND') {
        return fail('connection_unknown', 'NOT_FOUND', `That ${provider} connection no longer exists.`);
      }
      throw error;
    }
  }
  if (state === undefined)
    return fail('link_invalid', 'INVALID_REQUEST', `This link is incomplete. ${START_AGAIN}`);

  const now = nowOf(deps);
  const cookie = newBindingCookie(input.key, state);
  const hash = hashState(state);
  const [row] = await deps.sql<StartedRow[]>`
    update kit.oauth_states set browser_binding_hash = ${cookie.nonceHash},
      started_at = ${timestampParam(now)}::timestamptz
    where state_hash = ${hash} and provider = ${provider} and started_at is null and consumed_at is null
      and expires_at > ${timestampParam(now)}::timestamptz
    returning id, workspace_id, account_hint, scopes, code_verifier_ciphertext, code_verifier_key_id,
      redirect_uri, expires_at`;
  if (!row) {
    const [seen] = await deps.sql<
      { started_at: StoredTimestamp | null; consumed_at: StoredTimestamp | null }[]
    >`
      select started_at, consumed_at from kit.oauth_states
      where state_hash = ${hash} and provider = ${provider}`;
    if (!seen) return fail('state_unknown', 'INVALID_REQUEST', `This link is not valid. ${START_AGAIN}`);
    if (seen.consumed_at)
      return fail('state_used', 'INVALID_REQUEST', `This link was already used. ${START_AGAIN}`);
    if (seen.started_at) {
      return fail(
        'state_started',
        'FORBIDDEN',
        `This link was already opened; it opens once, in one browser. ${START_AGAIN}`,
      );
    }
    return fail('state_expired', 'INVALID_REQUEST', `This link has expired. ${START_AGAIN}`);
  }

  const profile = profileOf(deps, provider);
  const verifier =
    row.code_verifier_ciphertext && row.code_verifier_key_id
      ? deps.cipher.open(
          { ciphertext: row.code_verifier_ciphertext, keyId: row.code_verifier_key_id },
          contextFor(oauthStatesEncryption, 'codeVerifier', { rowId: row.id, workspaceId: row.workspace_id }),
        )
      : undefined;
  const authorizationUrl = profile.authorizationUrl({
    state,
    scopes: row.scopes,
    redirectUri: row.redirect_uri,
    accountHint: row.account_hint ?? undefined,
    codeChallenge: verifier === undefined ? undefined : pkceChallenge(verifier),
  });
  const setCookie = serializeCookie(cookie.name, cookie.value, {
    ...input.cookie,
    maxAgeSeconds: Math.ceil((readTimestamp(row.expires_at).getTime() - now.getTime()) / 1000),
  });
  deps.logger?.info({ provider, stateId: row.id, ticket: ticketValue !== undefined }, 'oauth browser bound');
  return { ok: true, authorizationUrl, setCookie };
}
