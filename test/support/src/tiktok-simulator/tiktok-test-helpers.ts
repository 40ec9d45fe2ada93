import { createHash, randomBytes } from 'node:crypto';
import type { TikTokSimulator } from '@ionflux/sandbox';

/** Helpers for the sandbox's tests of its TikTok simulator: they speak HTTP to it as an app would. */

export const CLIENT = { clientKey: 'sbx_client_key', clientSecret: 'sbx_client_secret' };
export const REDIRECT_URI = 'https://app.ionflux.test/oauth/tiktok/callback';

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  open_id: string;
  refresh_expires_in: number;
  refresh_token: string;
  scope: string;
  token_type: string;
}

export function authorizeUrl(
  sim: TikTokSimulator,
  scopes: string[],
  extra: Record<string, string> = {},
): string {
  const url = new URL('/v2/auth/authorize/', sim.url);
  url.search = new URLSearchParams({
    client_key: CLIENT.clientKey,
    scope: scopes.join(','),
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
    ...extra,
  }).toString();
  return url.toString();
}

export function postForm(
  sim: TikTokSimulator,
  path: string,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(new URL(path, sim.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

export function exchangeCode(
  sim: TikTokSimulator,
  code: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return postForm(sim, '/v2/oauth/token/', {
    ...CLIENT_FORM,
    code,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
    ...extra,
  });
}

export const CLIENT_FORM = { client_key: CLIENT.clientKey, client_secret: CLIENT.clientSecret };

/** A PKCE pair with the RFC 7636 (base64url) S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Authorizes through the control API and exchanges the code: a connected app's tokens. */
export async function connect(
  sim: TikTokSimulator,
  scopes: string[],
  username?: string,
): Promise<TokenResponse> {
  const redirect = new URL(sim.authorize(authorizeUrl(sim, scopes), { username }));
  const response = await exchangeCode(sim, redirect.searchParams.get('code') ?? '');
  return (await response.json()) as TokenResponse;
}

/** Calls a v2 data endpoint with a bearer token; returns the status and the parsed envelope. */
export async function api(
  sim: TikTokSimulator,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{
  status: number;
  data: Record<string, unknown>;
  error: { code: string; message: string; log_id: string };
}> {
  const response = await fetch(new URL(path, sim.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as {
    data: Record<string, unknown>;
    error: { code: string; message: string; log_id: string };
  };
  return { status: response.status, ...json };
}
