import { type ErrorCode, IntegrationError } from '@ionflux/kit/errors';

/** The provider's error body: RFC 6750 / 6749 `{error, error_description}`. */
export interface InstagramErrorBody {
  error?: unknown;
  error_description?: unknown;
}

/** The unified code for the provider's error code and HTTP status. */
export function unifiedCodeOf(error: string, status: number): ErrorCode {
  if (status === 401 || error === 'invalid_token') return 'INTEGRATION_AUTH_INVALID';
  if (error === 'insufficient_scope') return 'SCOPE_REQUIRED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'PROVIDER_UNAVAILABLE';
  return 'PROVIDER_API_ERROR';
}

const messages: Record<ErrorCode, string> = {
  INTEGRATION_AUTH_INVALID: 'Instagram rejected the access token: reconnect the account.',
  SCOPE_REQUIRED: 'The Instagram account has not granted the permission this needs.',
  RATE_LIMITED: "Instagram's rate limit is reached: retry later.",
  PROVIDER_UNAVAILABLE: 'Instagram is unavailable right now: try again shortly.',
  PROVIDER_API_ERROR: 'Instagram refused the request.',
  POLICY_VIOLATION: 'Instagram refused the content under its policies.',
  INVALID_REQUEST: 'Instagram refused the request as invalid.',
  UNAUTHENTICATED: 'Not authenticated.',
  FORBIDDEN: 'Instagram refused access.',
  NOT_FOUND: 'Instagram does not know that item.',
  INTEGRATION_NOT_CONNECTED: 'The Instagram account is not connected.',
  QUOTA_EXCEEDED: 'Instagram quota exceeded.',
  INTERNAL: 'Internal error.',
};

/**
 * A provider error as an IntegrationError: the unified code, the provider's own code kept in
 * `extensions` for support, `retryAfterSeconds` on RATE_LIMITED. The provider's description is not passed
 * on verbatim (it may name the app's internals); ours says what to do.
 */
export function toInstagramError(
  status: number,
  body: InstagramErrorBody | undefined,
  retryAfterSeconds: number,
): IntegrationError {
  const instagramCode = typeof body?.error === 'string' && body.error !== '' ? body.error : `http_${status}`;
  const code = unifiedCodeOf(instagramCode, status);
  const details: Record<string, string | number> = { provider: 'instagram', instagramCode };
  if (code === 'RATE_LIMITED') details['retryAfterSeconds'] = retryAfterSeconds;
  return new IntegrationError(code, messages[code], { details });
}
