import { createSecretKey } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Identity } from './identity.ts';

const ISSUER = 'ionflux-gateway';
const AUDIENCE = 'ionflux-subgraph';
const ALGORITHM = 'HS256';

export type IdentityVerification = { ok: true; identity: Identity } | { ok: false; reason: string };

export interface IdentitySigner {
  sign(identity: Identity): Promise<string>;
  verify(token: string | undefined): Promise<IdentityVerification>;
}

/**
 * Signs the identity the gateway forwards to subgraphs with `IONFLUX_INTERNAL_SECRET`, so a subgraph
 * reached directly (not through the gateway) cannot be told who the caller is.
 *
 * @param ttlSeconds how long a signed identity stays valid; short, since it only has to cross one hop.
 * @default ttlSeconds 60
 */
export function createIdentitySigner(internalSecret: string, ttlSeconds = 60): IdentitySigner {
  // A KeyObject made once: given raw bytes, jose imports a WebCrypto key on every sign and verify.
  const key = createSecretKey(Buffer.from(internalSecret, 'utf8'));
  return {
    async sign(identity) {
      return new SignJWT({ wid: identity.workspaceId, rid: identity.requestId })
        .setProtectedHeader({ alg: ALGORITHM })
        .setSubject(identity.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    async verify(token) {
      if (!token) return { ok: false, reason: 'missing identity signature' };
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: [ALGORITHM],
        });
        const { sub, wid, rid } = payload;
        if (typeof sub !== 'string' || typeof wid !== 'string' || typeof rid !== 'string') {
          return { ok: false, reason: 'identity signature lacks user, workspace or request id' };
        }
        return { ok: true, identity: { userId: sub, workspaceId: wid, requestId: rid } };
      } catch {
        return { ok: false, reason: 'invalid or expired identity signature' };
      }
    },
  };
}
