import type { ServerResponse } from 'node:http';
import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import type { LlmError } from '../generated/resolvers-types.ts';
import { snakeProviderError } from './spec-envelope.ts';

/** OpenAI's `error.type` for each of our codes (the code itself goes in `error.code`). */
const TYPES: Readonly<Record<ErrorCode, string>> = {
  INVALID_REQUEST: 'invalid_request_error',
  UNAUTHENTICATED: 'authentication_error',
  FORBIDDEN: 'permission_error',
  NOT_FOUND: 'not_found_error',
  INTEGRATION_NOT_CONNECTED: 'invalid_request_error',
  INTEGRATION_AUTH_INVALID: 'invalid_request_error',
  SCOPE_REQUIRED: 'permission_error',
  RATE_LIMITED: 'rate_limit_error',
  QUOTA_EXCEEDED: 'insufficient_quota',
  PROVIDER_API_ERROR: 'api_error',
  PROVIDER_UNAVAILABLE: 'api_error',
  POLICY_VIOLATION: 'invalid_request_error',
  INTERNAL: 'server_error',
};

/** OpenAI's error body: `{error: {message, type, param, code}}`, all four always present. */
export function openAiErrorBody(
  code: ErrorCode,
  message: string,
  extras: { param?: string | null; error?: Partial<LlmError> } = {},
): { error: Record<string, unknown> } {
  return {
    error: {
      message,
      type: TYPES[code],
      param: extras.param ?? null,
      code,
      ...(extras.error?.providerError
        ? { provider_error: snakeProviderError(extras.error.providerError) }
        : {}),
    },
  };
}

/**
 * Ends the request with OpenAI's error shape and the code's HTTP status. `x-should-retry: false` tells
 * the official SDKs not to retry on their own (they retry 429 and 5xx by default): the orchestration has
 * already retried and fallen back, and a quota or an invalid request does not heal by repetition. Only
 * RATE_LIMITED with a known wait is left to the SDK's `Retry-After` handling.
 */
export function sendOpenAiError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  extras: { param?: string | null; error?: Partial<LlmError>; status?: number } = {},
): void {
  const body = JSON.stringify(openAiErrorBody(code, message, extras));
  const retryAfter = extras.error?.retryAfterSeconds;
  res.statusCode = extras.status ?? httpStatusOf(code);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  if (retryAfter != null) res.setHeader('retry-after', String(retryAfter));
  res.setHeader('x-should-retry', code === 'RATE_LIMITED' && retryAfter != null ? 'true' : 'false');
  res.end(body);
}
