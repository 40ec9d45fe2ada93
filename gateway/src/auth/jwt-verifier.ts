import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
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
  /**
   * Verified tokens remembered, so a caller sending the same JWT on every request (as services do) pays
   * for one signature check, not one per request. @default 10_000
   */
  cacheSize?: number;
  /**
   * Longest a verified token is remembered, and never past its `exp`: with a JWKS, how long a key
   * removed from the set may still be honoured for tokens already seen. @default 300_000
   */
  cacheTtlMs?: number;
}

const claimsSchema = z.object({
  sub: z.uuid('sub must be the user id (a UUID)'),
  workspace_id: z.uuid('workspace_id must be a UUID'),
});

/**
 * Verifies callers' `Authorization: Bearer <jwt>`: signature, expiry, and the IONFLUX identity claims.
 * A token that verified is remembered (same bytes, same verdict) until its expiry or `cacheTtlMs`;
 * refusals are not, so a token is never refused for longer than it is wrong.
 */
export function createJwtVerifier(
  options: JwtVerifierOptions,
): (authorization: string) => Promise<JwtVerification> {
  const verified = new LRUCache<string, Caller>({ max: options.cacheSize ?? 10_000 });
  const cacheTtlMs = options.cacheTtlMs ?? 300_000;
  // A KeyObject made once: given raw bytes, jose imports a WebCrypto key on every verification.
  const key: KeyObject | JWTVerifyGetKey = options.secret
    ? createSecretKey(Buffer.from(options.secret, 'utf8'))
    : createRemoteJWKSet(new URL(requireJwks(options.jwksUrl)));
  const algorithms = options.secret ? ['HS256'] : ['RS256', 'ES256', 'EdDSA', 'PS256'];

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token) return { ok: false, reason: 'the Authorization header must be "Bearer <token>"' };
    const known = verified.get(token);
    if (known) return { ok: true, caller: known };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject, {
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
    const caller = { userId: claims.data.sub, workspaceId: claims.data.workspace_id };
    const ttl = Math.min(
      cacheTtlMs,
      payload.exp === undefined ? cacheTtlMs : payload.exp * 1000 - Date.now(),
    );
    if (ttl > 0) verified.set(token, caller, { ttl });
    return { ok: true, caller };
  };
}

function requireJwks(url: string | undefined): string {
  if (!url) throw new Error('a JWT secret or a JWKS URL is required');
  return url;
}
