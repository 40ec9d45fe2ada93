import type { Request, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};
const MESSAGES: Record<number, string> = {
  413: 'Request exceeds the maximum allowed number of bytes.',
  429: 'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  500: 'Internal server error',
  503: 'Service unavailable',
  504: 'Request timed out',
  529: 'Overloaded',
};
const REQUEST_LIMIT = 4000;

/** Anthropic: key in `x-api-key` (or `Authorization: Bearer`, as SDK 1.x sends), `request-id` on every answer. */
export function anthropicProtocol(ids: IdSource, now: () => Date): ProviderProtocol {
  const fail = (res: Response, status: number, type: string, message: string) => {
    const requestId = ids.next('req_', 24);
    res.set('request-id', requestId);
    res.status(status).json({ type: 'error', error: { type, message }, request_id: requestId });
  };
  const resetAt = (seconds: number) =>
    new Date(now().getTime() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiKey(req: Request) {
      const direct = req.get('x-api-key');
      if (direct) return direct;
      return (
        req
          .get('authorization')
          ?.match(/^Bearer\s+(.+)$/i)?.[1]
          ?.trim() || undefined
      );
    },
    model(req: Request) {
      const model = (req.body as { model?: unknown } | undefined)?.model;
      return typeof model === 'string' ? model : null;
    },
    authenticationError(res, key) {
      fail(
        res,
        401,
        'authentication_error',
        key === undefined ? 'x-api-key header is required' : 'invalid x-api-key',
      );
    },
    quotaError(res) {
      fail(
        res,
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      );
    },
    statusError(res, status, retryAfterSeconds) {
      if (status === 429) {
        res.set({
          'retry-after': String(retryAfterSeconds),
          'anthropic-ratelimit-requests-limit': String(REQUEST_LIMIT),
          'anthropic-ratelimit-requests-remaining': '0',
          'anthropic-ratelimit-requests-reset': resetAt(retryAfterSeconds),
        });
      }
      if (status === 529 || status === 503) res.set('retry-after', String(retryAfterSeconds));
      fail(
        res,
        status,
        ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
        MESSAGES[status] ?? `Error ${status}`,
      );
    },
    invalidRequest(res, message) {
      fail(res, 400, 'invalid_request_error', message);
    },
    modelNotFound(res, model) {
      fail(res, 404, 'not_found_error', `model: ${model}`);
    },
    successHeaders(res) {
      res.set({
        'request-id': ids.next('req_', 24),
        'anthropic-ratelimit-requests-limit': String(REQUEST_LIMIT),
        'anthropic-ratelimit-requests-remaining': String(REQUEST_LIMIT - 1),
        'anthropic-ratelimit-requests-reset': resetAt(1),
      });
    },
  };
}
