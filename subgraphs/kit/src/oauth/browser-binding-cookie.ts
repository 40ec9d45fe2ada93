import { createHash, randomBytes } from 'node:crypto';
import { hasValidSignature, type OAuthSigningKey, signFor } from './oauth-signing-key.ts';
import type { OAuthProvider } from './provider-profile.ts';
import { hashState } from './state-token.ts';

/**
 * The cookie that binds one authorization flow to the browser that started it. One name per flow (from
 * the state's hash), so two flows started in one browser do not overwrite each other's cookie.
 */
export function bindingCookieName(provider: OAuthProvider, state: string): string {
  return `ionflux_oauth_${provider}_${hashState(state).slice(0, 20)}`;
}

/** A fresh nonce for a flow: the signed cookie value the browser keeps, and the hash the state row keeps. */
export function newBindingCookie(
  key: OAuthSigningKey,
  state: string,
): { name: string; value: string; nonceHash: string } {
  const name = bindingCookieName(key.provider, state);
  const nonce = randomBytes(32).toString('base64url');
  return {
    name,
    value: `${nonce}.${signFor(key, 'browser-binding', `${name}=${nonce}`)}`,
    nonceHash: hashNonce(nonce),
  };
}

export type BindingCookieReading =
  | { ok: true; nonceHash: string }
  | { ok: false; problem: 'missing' | 'forged' };

/** Reads a flow's binding cookie from its value: the nonce's hash when the signature is ours for this flow. */
export function readBindingCookie(
  key: OAuthSigningKey,
  state: string,
  value: string | undefined,
): BindingCookieReading {
  if (value === undefined || value === '') return { ok: false, problem: 'missing' };
  const name = bindingCookieName(key.provider, state);
  const dot = value.indexOf('.');
  const nonce = value.slice(0, dot);
  if (dot <= 0 || !hasValidSignature(key, 'browser-binding', `${name}=${nonce}`, value.slice(dot + 1))) {
    return { ok: false, problem: 'forged' };
  }
  return { ok: true, nonceHash: hashNonce(nonce) };
}

function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce).digest('hex');
}
