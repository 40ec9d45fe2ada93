import type { Request, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';

const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";
const QUOTA =
  'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
const REQUEST_LIMIT = 10_000;
const TOKEN_LIMIT = 30_000_000;

/** The OpenAI error body: all four keys always present (`ErrorResponse` in the OpenAPI spec). */
export function openaiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function maskKey(key: string): string {
  return key.length <= 8
    ? '****'
    : `${key.slice(0, 3)}*${'*'.repeat(Math.min(key.length - 7, 20))}${key.slice(-4)}`;
}

/** OpenAI: `Authorization: Bearer`, `x-request-id`, `x-ratelimit-*` with duration-string resets. */
export function openaiProtocol(ids: IdSource): ProviderProtocol {
  const requestId = (res: Response) => res.set('x-request-id', ids.next('req_', 32));
  return {
    apiKey(req: Request) {
      const header = req.get('authorization');
      const match = header?.match(/^Bearer\s+(.+)$/i);
      return match?.[1]?.trim() || undefined;
    },
    model(req: Request) {
      const model = (req.body as { model?: unknown } | undefined)?.model;
      return typeof model === 'string' ? model : null;
    },
    authenticationError(res, key) {
      requestId(res);
      const body =
        key === undefined
          ? openaiError(MISSING_KEY, 'invalid_request_error', null)
          : openaiError(
              `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
              'invalid_request_error',
              'invalid_api_key',
            );
      res.status(401).json(body);
    },
    quotaError(res) {
      requestId(res);
      // A quota error is final: the SDKs honour this header and do not retry.
      res.set('x-should-retry', 'false');
      res.status(429).json(openaiError(QUOTA, 'insufficient_quota', 'insufficient_quota'));
    },
    statusError(res, status, retryAfterSeconds) {
      requestId(res);
      if (status === 429) {
        res.set({
          'retry-after': String(retryAfterSeconds),
          'x-ratelimit-limit-requests': String(REQUEST_LIMIT),
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
          'x-ratelimit-limit-tokens': String(TOKEN_LIMIT),
          'x-ratelimit-remaining-tokens': String(TOKEN_LIMIT),
          'x-ratelimit-reset-tokens': '0s',
        });
        res
          .status(429)
          .json(
            openaiError(
              `Rate limit reached for requests in organization org-sandbox on requests per min (RPM): Limit ${REQUEST_LIMIT}, Used ${REQUEST_LIMIT}, Requested 1. Please try again in ${retryAfterSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
              'requests',
              'rate_limit_exceeded',
            ),
          );
        return;
      }
      if (status === 503) res.set('retry-after', String(retryAfterSeconds));
      const message =
        status === 503
          ? 'The engine is currently overloaded, please try again later'
          : status >= 500
            ? 'The server had an error while processing your request. Sorry about that!'
            : `Request failed with status ${status}.`;
      res
        .status(status)
        .json(openaiError(message, status >= 500 ? 'server_error' : 'invalid_request_error', null));
    },
    invalidRequest(res, message, param) {
      requestId(res);
      res.status(400).json(openaiError(message, 'invalid_request_error', null, param ?? null));
    },
    modelNotFound(res, model) {
      requestId(res);
      res
        .status(404)
        .json(
          openaiError(
            `The model \`${model}\` does not exist or you do not have access to it.`,
            'invalid_request_error',
            'model_not_found',
          ),
        );
    },
    successHeaders(res) {
      requestId(res);
      res.set({
        'openai-processing-ms': '1',
        'x-ratelimit-limit-requests': String(REQUEST_LIMIT),
        'x-ratelimit-remaining-requests': String(REQUEST_LIMIT - 1),
        'x-ratelimit-reset-requests': '6ms',
        'x-ratelimit-limit-tokens': String(TOKEN_LIMIT),
        'x-ratelimit-remaining-tokens': String(TOKEN_LIMIT - 1),
        'x-ratelimit-reset-tokens': '0s',
      });
    },
  };
}
