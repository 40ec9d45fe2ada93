import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';

export interface Caller {
  userId: string;
  workspaceId: string;
}

export type JwtVerification = { ok: true; caller: Caller } | { ok: false; reason: string };

export interface JwtVerifierOptions {
  /** HS256 shared secret. */
  secret?: string | undefined;
  /** A JWKS endpoint (RS256/ES256/EdDSA keys, rotated by the identity provider). */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

const claimsSchema = z.object({
  sub: z.uuid('sub must be the user id (a UUID)'),
  workspace_id: z.uuid('workspace_id must be a UUID'),
});

/** Verifies callers' `Authorization: Bearer <jwt>`: signature, expiry, and the IONFLUX identity claims. */
export function createJwtVerifier(
  options: JwtVerifierOptions,
): (authorization: string) => Promise<JwtVerification> {
  // A KeyObject made once: given raw bytes, jose imports a WebCrypto key on every verification.
  const key: KeyObject | JWTVerifyGetKey = options.secret
    ? createSecretKey(Buffer.from(options.secret, 'utf8'))
    : createRemoteJWKSet(new URL(requireJwks(options.jwksUrl)));
  const algorithms = options.secret ? ['HS256'] : ['RS256', 'ES256', 'EdDSA', 'PS256'];

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) return { ok: false, reason: 'the Authorization header must be "Bearer <token>"' };
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1], key as KeyObject, {
        algorithms,
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return {
        ok: false,
        reason:
          code === 'ERR_JWT_EXPIRED' ? 'the token has expired; get a new one' : 'the token is not valid',
      };
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      return { ok: false, reason: claims.error.issues.map((issue) => issue.message).join('; ') };
    }
    return { ok: true, caller: { userId: claims.data.sub, workspaceId: claims.data.workspace_id } };
  };
}

function requireJwks(url: string | undefined): string {
  if (!url) throw new Error('a JWT secret or a JWKS URL is required');
  return url;
}
