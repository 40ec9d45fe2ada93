import type { ServerResponse } from 'node:http';
import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import type { CompletionResult, LlmError, ProviderError } from '../generated/resolvers-types.ts';

/** Spec 1.3's response, field for field in snake_case. */
export type SpecEnvelope =
  | { status: 'success'; request_id: string; provider_response: Record<string, unknown> }
  | { status: 'error'; request_id: string; error: SpecError };

export interface SpecError {
  code: ErrorCode;
  message: string;
  /** Spec 1.3's optional raw error of the provider (keys redacted; status/type/code only on IONFLUX's keys). */
  provider_error?: Record<string, unknown>;
  /** When waiting helps (RATE_LIMITED, QUOTA_EXCEEDED), as in the `Retry-After` header. */
  retry_after_seconds?: number;
}

/**
 * `createCompletion`'s result as spec 1.3 writes it: `provider_response {id, choices [{text,
 * finish_reason}], usage}` or `error {code, message, provider_error}`. What the spec calls "other
 * provider-specific metadata" (model answered, provider, whether the fallback served it) rides inside
 * `provider_response`, so the top level is exactly the spec's.
 */
export function toSpecEnvelope(result: CompletionResult): SpecEnvelope {
  const response = result.providerResponse;
  if (result.status === 'SUCCESS' && response) {
    return {
      status: 'success',
      request_id: result.requestId,
      provider_response: {
        id: response.id,
        choices: response.choices.map((choice) => ({
          index: choice.index,
          text: choice.text,
          finish_reason: choice.finishReason,
          provider_finish_reason: choice.providerFinishReason ?? null,
        })),
        usage: {
          prompt_tokens: response.usage.promptTokens,
          completion_tokens: response.usage.completionTokens,
          total_tokens: response.usage.totalTokens,
        },
        model: response.model,
        provider: result.provider.toLowerCase(),
        fallback_used: result.fallbackUsed,
      },
    };
  }
  return {
    status: 'error',
    request_id: result.requestId,
    error: toSpecError(result.error ?? { code: 'INTERNAL', message: 'The completion failed.' }),
  };
}

export function toSpecError(error: Pick<LlmError, 'code' | 'message'> & Partial<LlmError>): SpecError {
  return {
    code: error.code,
    message: error.message,
    ...(error.providerError ? { provider_error: snakeProviderError(error.providerError) } : {}),
    ...(error.retryAfterSeconds == null ? {} : { retry_after_seconds: error.retryAfterSeconds }),
  };
}

export function snakeProviderError(error: ProviderError): Record<string, unknown> {
  return {
    provider: error.provider.toLowerCase(),
    status: error.status ?? null,
    type: error.type ?? null,
    code: error.code ?? null,
    message: error.message ?? null,
    raw: error.raw ?? null,
  };
}

/**
 * Ends the request with an envelope: 200 for success, the code's status (or `status`, e.g. 413) with
 * `Retry-After` when known otherwise.
 */
export function sendSpecEnvelope(res: ServerResponse, envelope: SpecEnvelope, status?: number): void {
  const body = JSON.stringify(envelope);
  if (envelope.status === 'error') {
    res.statusCode = status ?? httpStatusOf(envelope.error.code);
    if (envelope.error.retry_after_seconds !== undefined)
      res.setHeader('retry-after', String(envelope.error.retry_after_seconds));
  } else {
    res.statusCode = 200;
  }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

/** An error envelope for a request refused before orchestration (body, identity, unknown route). */
export function sendSpecError(
  res: ServerResponse,
  requestId: string,
  code: ErrorCode,
  message: string,
  status?: number,
): void {
  sendSpecEnvelope(res, { status: 'error', request_id: requestId, error: { code, message } }, status);
}
