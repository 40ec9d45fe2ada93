import type { OAuthDeps } from './oauth-deps.ts';
import {
  isTokenError,
  type OAuthProviderProfile,
  type TokenEndpointRequest,
  type TokenError,
  type TokenSet,
} from './provider-profile.ts';

export type TokenCallResult = { ok: true; tokens: TokenSet } | { ok: false; error: TokenError };

async function send(
  deps: OAuthDeps,
  request: TokenEndpointRequest,
): Promise<{ status: number; body: unknown }> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const response = await doFetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    redirect: 'error',
    signal: AbortSignal.timeout(deps.tokenTimeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

function networkError(error: unknown): TokenError {
  const name = error instanceof Error ? error.name : 'Error';
  // Only the error's class and message: a fetch error never carries the body we sent.
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'transient',
    code: name === 'TimeoutError' ? 'timeout' : 'network_error',
    description: message,
  };
}

/**
 * Posts a token request (code exchange or refresh) and maps the answer through the profile. Never
 * throws for provider or network failures: they come back classified.
 */
export async function callTokenEndpoint(
  deps: OAuthDeps,
  profile: OAuthProviderProfile,
  request: TokenEndpointRequest,
): Promise<TokenCallResult> {
  let answer: { status: number; body: unknown };
  try {
    answer = await send(deps, request);
  } catch (error) {
    return { ok: false, error: networkError(error) };
  }
  if (answer.status < 200 || answer.status >= 300) {
    return { ok: false, error: profile.classifyError(answer.status, answer.body) };
  }
  const parsed = profile.parseTokenResponse(answer.body);
  return isTokenError(parsed) ? { ok: false, error: parsed } : { ok: true, tokens: parsed };
}

/** Posts a revoke request; resolves whether the provider confirmed it (or says the token is already gone). */
export async function callRevokeEndpoint(
  deps: OAuthDeps,
  profile: OAuthProviderProfile,
  request: TokenEndpointRequest,
): Promise<{ ok: true } | { ok: false; error: TokenError }> {
  try {
    const answer = await send(deps, request);
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    return { ok: false, error: profile.classifyError(answer.status, answer.body) };
  } catch (error) {
    return { ok: false, error: networkError(error) };
  }
}
