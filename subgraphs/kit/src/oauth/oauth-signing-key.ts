import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { OAuthProvider } from './provider-profile.ts';

/**
 * The key an integration signs its browser-binding cookies and grant tickets with, derived from its app
 * secret (as provider SDKs sign their own state cookies with the app secret). Derived, not
 * the secret itself, so a signature can never be confused with one the provider makes.
 */
export interface OAuthSigningKey {
  readonly provider: OAuthProvider;
  /** 32 bytes of HKDF-SHA256 output. */
  readonly bytes: Buffer;
}

/** What a signature is for; the same key never signs two kinds of message that could be swapped. */
export type SignaturePurpose = 'browser-binding' | 'grant-ticket';

/** HKDF-SHA256 of the provider's app secret (its client secret), one key per provider. */
export function deriveOAuthSigningKey(provider: OAuthProvider, appSecret: string): OAuthSigningKey {
  if (appSecret.length === 0) throw new Error(`the ${provider} app secret is empty`);
  const bytes = Buffer.from(
    hkdfSync('sha256', appSecret, 'ionflux/kit/oauth', `oauth-signing-key:${provider}`, 32),
  );
  return { provider, bytes };
}

/** base64url HMAC-SHA256 of `message` for one purpose. */
export function signFor(key: OAuthSigningKey, purpose: SignaturePurpose, message: string): string {
  return createHmac('sha256', key.bytes).update(`${purpose}\n${message}`).digest('base64url');
}

/** Whether `signature` is {@link signFor}'s for this message, compared in constant time. */
export function hasValidSignature(
  key: OAuthSigningKey,
  purpose: SignaturePurpose,
  message: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signFor(key, purpose, message), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
