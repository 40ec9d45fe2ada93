import { createHash, randomBytes } from 'node:crypto';

/** A fresh OAuth state: 32 random bytes, base64url (what travels through the browser). */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up instead of the state itself: SHA-256, hex. */
export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

/** A PKCE pair (RFC 7636): a 43-character verifier and its S256 challenge, both base64url. */
export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** The S256 challenge of a PKCE verifier (RFC 7636 §4.2). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
