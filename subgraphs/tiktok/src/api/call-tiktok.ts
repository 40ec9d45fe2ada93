import { IntegrationError } from '@ionflux/kit/errors';
import { getAccessToken, markAuthInvalid, requireScopes } from '@ionflux/kit/oauth';
import type { TikTokConnectionRecord } from '../connections/index.ts';
import type { TikTokOAuth } from '../oauth/index.ts';
import { toTikTokError } from './tiktok-error.ts';

/**
 * How long to wait after `rate_limit_exceeded` when TikTok sends no Retry-After: its limits are per
 * 1-minute sliding window (reference/tiktok.md "Rate limits"). @default 60
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** @default 15000 ms: a TikTok call that takes longer is PROVIDER_UNAVAILABLE. */
export const TIKTOK_CALL_TIMEOUT_MS = 15_000;

export interface TikTokCall {
  method: 'GET' | 'POST';
  /** e.g. `/v2/video/list/`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The scopes the call needs: checked before the call (SCOPE_REQUIRED with a grant URL). */
  scopes: readonly string[];
}

/** What a call needs of the process: the OAuth handles, the API origin and the caller. */
export interface TikTokApiDeps {
  oauth: TikTokOAuth;
  apiOrigin: string;
  userId: string;
}

/**
 * Throws SCOPE_REQUIRED (with `extensions.grantUrl` and the missing scopes) unless the connection was
 * granted every one of `scopes`. Needs no call to TikTok.
 */
export async function checkTikTokScopes(
  deps: TikTokApiDeps,
  record: TikTokConnectionRecord,
  scopes: readonly string[],
): Promise<void> {
  const { connection } = record;
  await requireScopes(deps.oauth.deps, {
    connection: {
      id: connection.id,
      workspace_id: connection.workspaceId,
      provider: connection.provider,
      scopes: connection.scopes,
    },
    required: scopes,
    grantTicket: { startUrl: deps.oauth.startUrl, userId: deps.userId, key: deps.oauth.signingKey },
  });
}

/**
 * Calls TikTok's v2 API for a connection and returns its `data`. The scopes are checked first; the token
 * comes from the kit (refreshed single-flight when near expiry). A 401 `access_token_invalid` is retried
 * once with the token the kit holds after a refresh (another caller may have rotated it); if TikTok
 * still refuses, the connection goes to NEEDS_REAUTH (notified) and the answer is
 * INTEGRATION_AUTH_INVALID. Every other error is TikTok's envelope mapped to the unified codes.
 */
export async function callTikTok<T>(
  deps: TikTokApiDeps,
  record: TikTokConnectionRecord,
  call: TikTokCall,
): Promise<T> {
  const { connection } = record;
  await checkTikTokScopes(deps, record, call.scopes);
  const url = new URL(call.path, deps.apiOrigin);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const send = async (accessToken: string) => {
    try {
      return await fetch(url, {
        method: call.method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        signal: AbortSignal.timeout(TIKTOK_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new IntegrationError('PROVIDER_UNAVAILABLE', 'TikTok did not answer: try again shortly.', {
        cause: error,
        details: { provider: 'tiktok' },
      });
    }
  };
  const token = await getAccessToken(deps.oauth.deps, connection.id, connection.workspaceId);
  let answer = await send(token.accessToken);
  let body = await readEnvelope(answer);
  if (answer.status === 401 && body.error?.code === 'access_token_invalid') {
    // Refused before its recorded expiry: try once more with a refreshed token.
    const retry = await getAccessToken(deps.oauth.deps, connection.id, connection.workspaceId, {
      marginMs: Number.MAX_SAFE_INTEGER,
    });
    answer = await send(retry.accessToken);
    body = await readEnvelope(answer);
    if (answer.status === 401 && body.error?.code === 'access_token_invalid') {
      await markAuthInvalid(
        deps.oauth.deps,
        connection.id,
        connection.workspaceId,
        'TikTok refused a fresh access token (access_token_invalid)',
      );
    }
  }
  const code = body.error?.code;
  if (answer.ok && (code === 'ok' || code === undefined) && body.data !== undefined) return body.data as T;
  const retryAfter = Number(answer.headers.get('retry-after'));
  throw toTikTokError(
    answer.status,
    body.error,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
  );
}

async function readEnvelope(answer: Response): Promise<{
  data?: unknown;
  error?: { code?: string; message?: string; log_id?: string };
}> {
  try {
    const body = (await answer.json()) as Record<string, unknown>;
    return typeof body === 'object' && body !== null ? body : {};
  } catch {
    return {};
  }
}
