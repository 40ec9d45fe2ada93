import { createSigner, createVerifier } from 'fast-jwt';
import type { Identity } from './identity.ts';

const ISSUER = 'ionflux-gateway';
const AUDIENCE = 'ionflux-subgraph';

/** Who the gateway vouches for; the request id travels in `x-request-id` unless signed in (graphql-ws). */
export type SignedIdentity = Omit<Identity, 'requestId'> & { requestId?: string };

export type IdentityVerification = { ok: true; identity: SignedIdentity } | { ok: false; reason: string };

/** Signs and checks the identity header; synchronous, since both sides do it on every request. */
export interface IdentitySigner {
  sign(identity: SignedIdentity): string;
  verify(token: string | undefined): IdentityVerification;
}

/**
 * Signs the identity the gateway forwards to subgraphs with `IONFLUX_INTERNAL_SECRET` (an HS256 JWT),
 * so a subgraph reached directly (not through the gateway) cannot be told who the caller is.
 *
 * fast-jwt rather than jose here: jose signs through WebCrypto, an asynchronous job on the libuv thread
 * pool that measured 70–200 µs per sign or verify on these machines, paid twice on every request (the
 * gateway signs, the subgraph verifies); fast-jwt's HMAC is Node's synchronous one. A token names no
 * request, so the gateway reuses one per caller for a while and verified tokens are remembered here
 * (fast-jwt's cache, never past `exp`): a request usually pays neither.
 *
 * @param ttlSeconds how long a signed identity stays valid; short, since it only has to cross one hop.
 * @default ttlSeconds 60
 */
export function createIdentitySigner(internalSecret: string, ttlSeconds = 60): IdentitySigner {
  const key = Buffer.from(internalSecret, 'utf8');
  const signToken = createSigner({
    key,
    algorithm: 'HS256',
    iss: ISSUER,
    aud: AUDIENCE,
    expiresIn: ttlSeconds * 1000,
  });
  const verifyToken = createVerifier({
    key,
    algorithms: ['HS256'],
    allowedIss: ISSUER,
    allowedAud: AUDIENCE,
    requiredClaims: ['exp', 'iss', 'aud'],
    cache: 10_000,
  });
  return {
    sign(identity) {
      return signToken({
        sub: identity.userId,
        wid: identity.workspaceId,
        ...(identity.requestId === undefined ? {} : { rid: identity.requestId }),
      });
    },
    verify(token) {
      if (!token) return { ok: false, reason: 'missing identity signature' };
      let payload: { sub?: unknown; wid?: unknown; rid?: unknown };
      try {
        payload = verifyToken(token);
      } catch {
        return { ok: false, reason: 'invalid or expired identity signature' };
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
