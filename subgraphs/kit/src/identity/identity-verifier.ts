import type { KeyObject } from 'node:crypto';
import { createVerifier } from 'fast-jwt';
import { identityKeyId } from './identity-keys.ts';
import { IDENTITY_ISSUER, type SignedIdentity } from './identity-signer.ts';

export type IdentityVerification = { ok: true; identity: SignedIdentity } | { ok: false; reason: string };

/** Checks the identity header at a subgraph; synchronous and cached, since every request carries one. */
export interface IdentityVerifier {
  verify(token: string | undefined): IdentityVerification;
}

export interface IdentityVerifierOptions {
  /** This subgraph's name in the supergraph (e.g. `llm`): tokens for other subgraphs are refused. */
  audience: string;
  /** The gateway's public keys; more than one only while the gateway's key is rotated. */
  publicKeys: readonly KeyObject[];
}

type VerifyToken = (token: string) => { sub?: unknown; wid?: unknown; rid?: unknown };

/**
 * Verifies the gateway-signed identity (an EdDSA JWT, see {@link createIdentitySigner}) with the
 * gateway's public key: signature, issuer, expiry, and this subgraph as its audience. A token signed
 * with anything else (an HS256 token made with `IONFLUX_INTERNAL_SECRET`, a key a subgraph made up) is
 * refused. Verified tokens are remembered (fast-jwt's cache, never past `exp`).
 */
export function createIdentityVerifier(options: IdentityVerifierOptions): IdentityVerifier {
  if (options.publicKeys.length === 0) throw new Error('createIdentityVerifier: no public key');
  const byKeyId = new Map<string, VerifyToken>();
  for (const publicKey of options.publicKeys) {
    byKeyId.set(
      identityKeyId(publicKey),
      createVerifier({
        key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        algorithms: ['EdDSA'],
        allowedIss: IDENTITY_ISSUER,
        allowedAud: options.audience,
        requiredClaims: ['exp', 'iss', 'aud'],
        cache: 10_000,
      }),
    );
  }
  return {
    verify(token) {
      if (!token) return { ok: false, reason: 'missing identity signature' };
      const verifyToken = byKeyId.get(keyIdOf(token) ?? '');
      if (!verifyToken) return { ok: false, reason: 'invalid or expired identity signature (unknown key)' };
      let payload: ReturnType<VerifyToken>;
      try {
        payload = verifyToken(token);
      } catch (error) {
        return { ok: false, reason: refusal(error) };
      }
      const { sub, wid, rid } = payload;
      if (
        typeof sub !== 'string' ||
        typeof wid !== 'string' ||
        (rid !== undefined && typeof rid !== 'string')
      ) {
        return { ok: false, reason: 'identity signature lacks user or workspace' };
      }
      return {
        ok: true,
        identity: { userId: sub, workspaceId: wid, ...(rid === undefined ? {} : { requestId: rid }) },
      };
    },
  };
}

/** The `kid` of a JWT's header, read without trusting it: it only picks which key verifies. */
function keyIdOf(token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot > 512) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    const kid = (header as { kid?: unknown } | null)?.kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

function refusal(error: unknown): string {
  // fast-jwt names the claim whose value it refused: a wrong `aud` is a token meant for another subgraph.
  const message = error instanceof Error ? error.message : '';
  return /\baud claim\b/.test(message)
    ? 'identity signature addressed to another subgraph'
    : 'invalid or expired identity signature';
}
