import type { ServerResponse } from 'node:http';
import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import { requestIdOf } from '@ionflux/kit/server';
import type { LlmDoorShape } from './llm-routes.ts';

/** OpenAI's `error.type` for the codes the gateway itself answers an LLM door with. */
const OPENAI_TYPES: Partial<Record<ErrorCode, string>> = {
  INVALID_REQUEST: 'invalid_request_error',
  UNAUTHENTICATED: 'authentication_error',
  NOT_FOUND: 'not_found_error',
  RATE_LIMITED: 'rate_limit_error',
  PROVIDER_UNAVAILABLE: 'api_error',
  INTERNAL: 'server_error',
};

/**
 * Ends an LLM door's request refused at the gateway (no JWT, a limit, the body cap, no route, the LLM
 * service down) in that door's shape: spec 1.3's `{status: "error", request_id, error {code, message}}`,
 * or OpenAI's `{error: {message, type, param, code}}` with `x-should-retry` for its SDKs.
 */
export function sendDoorError(
  res: ServerResponse,
  shape: LlmDoorShape,
  code: ErrorCode,
  message: string,
  options: { status?: number; retryAfterSeconds?: number; close?: boolean } = {},
): void {
  const body = JSON.stringify(
    shape === 'openai'
      ? { error: { message, type: OPENAI_TYPES[code] ?? 'api_error', param: null, code } }
      : { status: 'error', request_id: requestIdOf(res), error: { code, message } },
  );
  res.statusCode = options.status ?? httpStatusOf(code);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  if (code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
  if (options.retryAfterSeconds !== undefined)
    res.setHeader('retry-after', String(options.retryAfterSeconds));
  if (shape === 'openai')
    res.setHeader(
      'x-should-retry',
      code === 'RATE_LIMITED' || code === 'PROVIDER_UNAVAILABLE' ? 'true' : 'false',
    );
  if (options.close) res.setHeader('connection', 'close');
  res.end(body);
}
