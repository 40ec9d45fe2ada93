import type { Identity } from '@ionflux/kit/identity';
import { decodeJwt } from 'jose';
import type { JwtVerification } from '../auth/jwt-verifier.ts';
import type { Refusal } from '../limits/workspace-limiter.ts';

export type CallerAuthentication =
  | {
      ok: true;
      identity: Identity /** When the token expires (epoch ms), if it says. */;
      expiresAt: number | undefined;
    }
  | {
      ok: false;
      /** 401 for a missing, malformed, bad or expired token; 403 for a token that names no IONFLUX caller. */
      status: 401 | 403;
      reason: string;
    };

/** Whether a caller may start one more subscription now (the gateway's per-workspace request rate). */
export type SubscriptionAdmit = (
  identity: Identity,
  transport: 'sse' | 'graphql-ws',
) => { ok: true } | Refusal;

/**
 * The HTTP rules for `Authorization: Bearer <jwt>`, for streams: the same verifier, plus the expiry, so
 * a subscription ends when its token does instead of outliving it.
 */
export function createCallerAuthenticator(verifyJwt: (authorization: string) => Promise<JwtVerification>) {
  return async (authorization: string | undefined, requestId: string): Promise<CallerAuthentication> => {
    if (!authorization) {
      return { ok: false, status: 401, reason: 'Authentication required: send Authorization: Bearer <jwt>.' };
    }
    const verification = await verifyJwt(authorization);
    if (!verification.ok) {
      return {
        ok: false,
        status: claimsProblem(authorization) ? 403 : 401,
        reason: `Authentication failed: ${verification.reason}.`,
      };
    }
    const { exp } = decodeJwt(bearerToken(authorization));
    return {
      ok: true,
      identity: { ...verification.caller, requestId },
      expiresAt: typeof exp === 'number' ? exp * 1000 : undefined,
    };
  };
}

function bearerToken(authorization: string): string {
  return authorization.trim().replace(/^Bearer\s+/i, '');
}

/**
 * A token that decodes, has not expired and still failed verification only on its claims (no UUID
 * `sub`/`workspace_id`) names no IONFLUX user or workspace: authenticated perhaps, but not for us (403).
 * Signature failures also land here first, so only tokens whose claims are visibly wrong count.
 */
function claimsProblem(authorization: string): boolean {
  try {
    const claims = decodeJwt(bearerToken(authorization));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return (
      !(typeof claims.sub === 'string' && uuid.test(claims.sub)) ||
      !(typeof claims['workspace_id'] === 'string' && uuid.test(claims['workspace_id']))
    );
  } catch {
    return false;
  }
}
