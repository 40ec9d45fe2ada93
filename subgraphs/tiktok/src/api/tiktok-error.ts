import { type ErrorCode, IntegrationError } from '@ionflux/kit/errors';

/** TikTok's v2 error object (reference/tiktok.md "Errors"): `code` is "ok" on success. */
export interface TikTokErrorBody {
  code?: unknown;
  message?: unknown;
  log_id?: unknown;
}

/** The unified code for a TikTok error code and HTTP status (issue 15 "Errors"). */
export function unifiedCodeOf(code: string, status: number): ErrorCode {
  if (code === 'access_token_invalid') return 'INTEGRATION_AUTH_INVALID';
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed') return 'SCOPE_REQUIRED';
  if (code === 'rate_limit_exceeded' || status === 429) return 'RATE_LIMITED';
  if (code.startsWith('spam_risk') || code === 'content_policy_violation') return 'POLICY_VIOLATION';
  if (status >= 500 || code === 'internal_error') return 'PROVIDER_UNAVAILABLE';
  return 'PROVIDER_API_ERROR';
}

/**
 * A TikTok error as an IntegrationError: the unified code, TikTok's code and `log_id` kept in
 * `extensions` for support, and `retryAfterSeconds` on RATE_LIMITED. TikTok's message is not passed on
 * verbatim (it may name the app's internals); ours says what to do.
 */
export function toTikTokError(
  status: number,
  error: TikTokErrorBody | undefined,
  retryAfterSeconds: number,
): IntegrationError {
  const tiktokCode = typeof error?.code === 'string' && error.code !== '' ? error.code : `http_${status}`;
  const logId = typeof error?.log_id === 'string' ? error.log_id : undefined;
  const code = unifiedCodeOf(tiktokCode, status);
  const details: Record<string, string | number> = { provider: 'tiktok', tiktokCode };
  if (logId) details['logId'] = logId;
  if (code === 'RATE_LIMITED') details['retryAfterSeconds'] = retryAfterSeconds;
  const messages: Record<ErrorCode, string> = {
    INTEGRATION_AUTH_INVALID: 'TikTok rejected the access token: reconnect the account.',
    SCOPE_REQUIRED: 'The TikTok account has not granted the permission this needs.',
    RATE_LIMITED: `TikTok's rate limit for this call is reached: retry after ${retryAfterSeconds} s.`,
    POLICY_VIOLATION: `TikTok refused the content under its policies (${tiktokCode}).`,
    PROVIDER_UNAVAILABLE: 'TikTok is unavailable right now: try again shortly.',
    PROVIDER_API_ERROR: `TikTok refused the request (${tiktokCode}).`,
    INVALID_REQUEST: 'TikTok refused the request as invalid.',
    UNAUTHENTICATED: 'Not authenticated.',
    FORBIDDEN: 'TikTok refused access.',
    NOT_FOUND: 'TikTok does not know that item.',
    INTEGRATION_NOT_CONNECTED: 'The TikTok account is not connected.',
    QUOTA_EXCEEDED: 'TikTok quota exceeded.',
    INTERNAL: 'Internal error.',
  };
  return new IntegrationError(code, `${messages[code]}${logId ? ` (TikTok log_id ${logId})` : ''}`, {
    details,
  });
}
