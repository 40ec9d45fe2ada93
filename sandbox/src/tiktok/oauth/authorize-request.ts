import type { ClientConfig } from '../core/api-context.ts';
import { isUserScope, splitList } from '../core/scopes.ts';

/** A validated Login Kit authorize request. */
export interface AuthorizeRequest {
  clientKey: string;
  scopes: string[];
  redirectUri: string;
  state: string;
  codeChallenge: string | undefined;
}

/**
 * Reads `client_key`, `scope`, `response_type`, `redirect_uri`, `state`, `code_challenge` and
 * `code_challenge_method`. Errors that make the redirect URI untrustworthy are `fatal` (shown on the
 * page); others are sent back to the redirect URI as `error`/`error_description`.
 */
export function readAuthorizeRequest(
  client: ClientConfig,
  params: Record<string, unknown>,
):
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; fatal: boolean; error: string; description: string; redirectUri?: string; state?: string } {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '');
  const redirectUri = text('redirect_uri');
  const state = text('state');
  if (text('client_key') !== client.clientKey) {
    return {
      ok: false,
      fatal: true,
      error: 'invalid_client',
      description: 'client_key is missing or unknown.',
    };
  }
  if (redirectUri === '' || (client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri))) {
    return {
      ok: false,
      fatal: true,
      error: 'invalid_request',
      description: 'redirect_uri is missing or not registered for this app.',
    };
  }
  const fail = (error: string, description: string) => ({
    ok: false as const,
    fatal: false,
    error,
    description,
    redirectUri,
    state,
  });
  if (text('response_type') !== 'code') return fail('invalid_request', 'response_type must be code.');
  const scopes = splitList(params['scope']);
  const unknown = scopes.filter((scope) => !isUserScope(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    return fail('invalid_scope', `Invalid scope: ${unknown.join(',') || '(none requested)'}`);
  }
  const challenge = text('code_challenge');
  if (challenge !== '' && text('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  return {
    ok: true,
    request: {
      clientKey: client.clientKey,
      scopes: [...new Set(scopes)],
      redirectUri,
      state,
      codeChallenge: challenge === '' ? undefined : challenge,
    },
  };
}

/** The redirect URI with `params` added to its query. */
export function withQuery(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
