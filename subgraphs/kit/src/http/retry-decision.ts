import type { IntegrationError } from '../errors/index.ts';

/**
 * Why an attempt is retried; the `reason` label of `ionflux_provider_retries_total`.
 * `rate_limited` and `throttled` mean the provider refused the work, so they are safe to retry even for
 * requests that are not idempotent.
 */
export type RetryReason = 'rate_limited' | 'throttled' | 'server_error' | 'connection_error' | 'timeout';

/**
 * What to do with a response the provider sent.
 * - `return`: hand it to the caller (a success, or a provider error the caller maps itself).
 * - `retry`: transient; wait `delayMs` if given, else the response's `Retry-After`, else the backoff.
 * - `fail`: give up now with this coded error (e.g. an `insufficient_quota` 429 → `QUOTA_EXCEEDED`).
 */
export type RetryDecision =
  | { action: 'return' }
  | { action: 'retry'; reason: RetryReason; delayMs?: number }
  | { action: 'fail'; error: IntegrationError };

/** The part of a provider's answer a classifier reads besides the body: a fetch `Response` is one. */
export interface ResponseHead {
  status: number;
  headers: Headers;
}

/**
 * The classification every provider starts from: 429 → retry (`rate_limited`); 5xx except 501 → retry
 * (`server_error`); anything else → return. The `x-should-retry` header some LLM APIs send
 * overrides the status, as their official SDKs let it.
 */
export function classifyByStatus(response: ResponseHead): RetryDecision {
  const shouldRetry = response.headers.get('x-should-retry');
  if (shouldRetry === 'false') return { action: 'return' };
  if (response.status === 429) return { action: 'retry', reason: 'rate_limited' };
  if (response.status >= 500 && response.status !== 501) return { action: 'retry', reason: 'server_error' };
  if (shouldRetry === 'true') return { action: 'retry', reason: 'server_error' };
  return { action: 'return' };
}
