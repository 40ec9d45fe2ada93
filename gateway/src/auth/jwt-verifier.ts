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
  /** When set, tokens must carry this `iss`. */
  issuer?: string | undefined;
  /** When set, tokens must carry this `aud` (a token without one is refused). */
  audience?: string | undefined;
  /**
   * Longest lifetime accepted, in seconds: `exp` minus `iat` (minus now when the token has no `iat`).
   * Every token must carry `exp`. @default 86_400 (24 hours)
   */
  maxLifetimeSeconds?: number;
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

/** Seconds an issuer's clock may run ahead of ours when a token's remaining lifetime is checked. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies callers' `Authorization: Bearer <jwt>`: signature, a required expiry no further away than
 * `maxLifetimeSeconds`, issuer and audience when configured, and the IONFLUX identity claims. The user and
 * workspace ids are returned in lower case, so a UUID written in capitals names the same workspace.
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
  const maxLifetime = options.maxLifetimeSeconds ?? 86_400;

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
        requiredClaims: ['exp'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch (error) {
      return { ok: false, reason: refusalReason(error) };
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      return { ok: false, reason: claims.error.issues.map((issue) => issue.message).join('; ') };
    }
    const exp = payload.exp as number;
    const now = Date.now() / 1000;
    const declared = payload.iat === undefined ? exp - now : exp - payload.iat;
    if (declared > maxLifetime || exp - now > maxLifetime + CLOCK_SKEW_SECONDS) {
      return {
        ok: false,
        reason: `the token lives longer than the ${formatSeconds(maxLifetime)} this gateway accepts; get a shorter-lived one`,
      };
    }
    const caller = {
      userId: claims.data.sub.toLowerCase(),
      workspaceId: claims.data.workspace_id.toLowerCase(),
    };
    const ttl = Math.min(cacheTtlMs, exp * 1000 - Date.now());
    if (ttl > 0) verified.set(token, caller, { ttl });
    return { ok: true, caller };
  };
}

/** Why jose refused a token, in words the caller can act on (never the token itself). */
function refusalReason(error: unknown): string {
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired; get a new one';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (claim === 'exp' && reason === 'missing') return 'the token has no expiry (exp); tokens must expire';
    if (claim === 'aud') return 'the token is not addressed to this gateway (aud)';
    if (claim === 'iss') return 'the token is from another issuer (iss)';
  }
  return 'the token is not valid';
}

function formatSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function requireJwks(url: string | undefined): string {
  if (!url) throw new Error('a JWT secret or a JWKS URL is required');
  return url;
}
