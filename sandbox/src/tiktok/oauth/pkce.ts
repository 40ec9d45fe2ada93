import { createHash } from 'node:crypto';

/**
 * Whether a `code_verifier` matches an S256 `code_challenge`. RFC 7636 encodes the digest as
 * base64url; TikTok's desktop guide hex-encodes it instead, so both encodings are accepted.
 */
export function verifiesChallenge(challenge: string, verifier: string): boolean {
  const digest = createHash('sha256').update(verifier).digest();
  return challenge === digest.toString('base64url') || challenge.toLowerCase() === digest.toString('hex');
}
