import { IntegrationError } from '@ionflux/kit/errors';
import { getAccessToken, markAuthInvalid, requireScopes } from '@ionflux/kit/oauth';
import type { TikTokConnectionRecord } from '../connections/index.ts';
import type { TikTokOAuth } from '../oauth/index.ts';
import { failedCall } from './failed-call.ts';
import { toTikTokError } from './tiktok-error.ts';
import type { TikTokPacer } from './tiktok-pacer.ts';

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
  /** The process's pacer: TikTok's per-account, per-endpoint limits kept before calling. */
  pacer: TikTokPacer;
  /**
   * Aborts when whoever asked stops waiting (a job worker shutting down): the call is cancelled, and
   * says nothing about the account's health. @default never
   */
  signal?: AbortSignal;
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
 *
 * Each call that reached TikTok counts for the connection's health (`oauth.deps.health`): its success,
 * or its error's code. A call refused before it was sent (scope missing, our own pacer's RATE_LIMITED,
 * no token) is not TikTok's answer and a call whose caller aborted it says nothing about the account:
 * neither is counted. A token refresh on the way is counted by the kit, as a refresh.
 */
export async function callTikTok<T>(
  deps: TikTokApiDeps,
  record: TikTokConnectionRecord,
  call: TikTokCall,
): Promise<T> {
  const { connection } = record;
  await checkTikTokScopes(deps, record, call.scopes);
  const wait = deps.pacer.admit(connection.id, call.path);
  if (wait !== undefined) {
    throw new IntegrationError(
      'RATE_LIMITED',
      `TikTok's rate limit for ${call.path} on this account is reached: retry after ${wait} s.`,
      { details: { provider: 'tiktok', retryAfterSeconds: wait } },
    );
  }
  const token = await getAccessToken(deps.oauth.deps, connection.id, connection.workspaceId);
  const health = deps.oauth.deps.health;
  try {
    const data = await sendWithRetry<T>(deps, record, call, token.accessToken);
    health?.record(connection.id, { ok: true });
    return data;
  } catch (error) {
    if (!deps.signal?.aborted) health?.record(connection.id, failedCall(error));
    throw error;
  }
}

/** One call with a token, once more with a refreshed token when TikTok refuses the first; its `data`. */
async function sendWithRetry<T>(
  deps: TikTokApiDeps,
  { connection }: TikTokConnectionRecord,
  call: TikTokCall,
  accessToken: string,
): Promise<T> {
  const send = (token: string) => exchangeWithTikTok(deps.apiOrigin, call, token, deps.signal);
  let answer = await send(accessToken);
  if (answer.status === 401 && answer.body.error?.code === 'access_token_invalid') {
    // Refused before its recorded expiry: try once more with a refreshed token.
    const retry = await getAccessToken(deps.oauth.deps, connection.id, connection.workspaceId, {
      marginMs: Number.MAX_SAFE_INTEGER,
    });
    answer = await send(retry.accessToken);
    if (answer.status === 401 && answer.body.error?.code === 'access_token_invalid') {
      await markAuthInvalid(
        deps.oauth.deps,
        connection.id,
        connection.workspaceId,
        'TikTok refused a fresh access token (access_token_invalid)',
      );
    }
  }
  if (answer.status === 429 || answer.body.error?.code === 'rate_limit_exceeded') {
    deps.pacer.backOff(connection.id, call.path, retryAfterOf(answer));
  }
  return dataOf<T>(answer);
}

/** TikTok's answer to one request: its status, Retry-After and `{data, error}` envelope. */
export interface TikTokAnswer {
  ok: boolean;
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; error?: { code?: string; message?: string; log_id?: string } };
}

/**
 * Sends one request to TikTok's v2 API with a bearer token (a user's or the app's client token); a
 * network failure, timeout or `signal` abort is PROVIDER_UNAVAILABLE.
 */
export async function exchangeWithTikTok(
  apiOrigin: string,
  call: Omit<TikTokCall, 'scopes'>,
  accessToken: string,
  signal?: AbortSignal,
): Promise<TikTokAnswer> {
  const url = new URL(call.path, apiOrigin);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: call.method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(TIKTOK_CALL_TIMEOUT_MS)])
        : AbortSignal.timeout(TIKTOK_CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new IntegrationError('PROVIDER_UNAVAILABLE', 'TikTok did not answer: try again shortly.', {
      cause: error,
      details: { provider: 'tiktok' },
    });
  }
  return {
    ok: answer.ok,
    status: answer.status,
    retryAfter: answer.headers.get('retry-after'),
    body: await readEnvelope(answer),
  };
}

/** The answer's `data`, or its error mapped to the unified codes (`toTikTokError`). */
export function dataOf<T>(answer: TikTokAnswer): T {
  const code = answer.body.error?.code;
  if (answer.ok && (code === 'ok' || code === undefined) && answer.body.data !== undefined) {
    return answer.body.data as T;
  }
  throw toTikTokError(answer.status, answer.body.error, retryAfterOf(answer));
}

/** TikTok's Retry-After in seconds, or its 1-minute window when it sends none. */
function retryAfterOf(answer: TikTokAnswer): number {
  const retryAfter = Number(answer.retryAfter);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * Keeps integers beyond 2^53 exact, as their JSON text: TikTok writes 64-bit ids (Research video ids,
 * `search_id`, post ids in status fetch) as bare JSON numbers (reference/tiktok.md).
 */
function losslessIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  return typeof value === 'number' && !Number.isSafeInteger(value) && /^-?\d+$/.test(context?.source ?? '')
    ? context?.source
    : value;
}

async function readEnvelope(answer: Response): Promise<TikTokAnswer['body']> {
  try {
    const body = JSON.parse(await answer.text(), losslessIntegers as Parameters<typeof JSON.parse>[1]);
    return typeof body === 'object' && body !== null ? (body as TikTokAnswer['body']) : {};
  } catch {
    return {};
  }
}
