import type { IntegrationError } from '../errors/index.ts';
import { isConnectionRefused } from './connection-error.ts';
import { giveUpError } from './give-up-error.ts';
import type { ProviderResponse } from './provider-request.ts';
import { retryAfterFromHeaders } from './retry-after.ts';
import type { RetryReason } from './retry-decision.ts';
import type { AttemptResult } from './send-attempt.ts';

/** What the call does after an attempt. */
export type NextStep =
  | { step: 'return'; outcome: 'success' | 'returned_error'; response: Omit<ProviderResponse, 'attempts'> }
  | { step: 'throw'; error: IntegrationError; reason?: RetryReason }
  | { step: 'retry'; reason: RetryReason; waitMs: number };

export interface PlanContext {
  provider: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  idempotent: boolean;
  maxRetryAfterMs: number;
  timeoutMs: number;
  now: number;
  /** Draws the next backoff wait; called only when the provider did not say how long to wait. */
  nextBackoffMs: () => number;
}

/**
 * The retry policy, apart from the I/O: hand the response back, give up with a coded error, or wait and
 * try again. A wait the provider asks for (classifier delay, `retry-after-ms`, `Retry-After`) wins over
 * the backoff; one longer than `maxRetryAfterMs` ends the call instead.
 */
export function planNextStep(result: AttemptResult, context: PlanContext): NextStep {
  if (result.kind === 'response' && result.decision.action === 'return') {
    const outcome = result.response.status < 400 ? 'success' : 'returned_error';
    return { step: 'return', outcome, response: result.response };
  }
  if (result.kind === 'response' && result.decision.action === 'fail') {
    return { step: 'throw', error: result.decision.error };
  }
  const reason = retryReasonOf(result);
  const askedMs = askedWaitMs(result, context.now);
  const waitMs = askedMs ?? context.nextBackoffMs();
  const mayRetry =
    context.attempt < context.maxAttempts &&
    (context.idempotent || nothingWasDone(result, reason)) &&
    (askedMs === undefined || askedMs <= context.maxRetryAfterMs);
  if (mayRetry) return { step: 'retry', reason, waitMs };
  const { provider, attempt: attempts, timeoutMs } = context;
  return { step: 'throw', reason, error: giveUpError(result, { provider, attempts, timeoutMs, waitMs }) };
}

function retryReasonOf(result: AttemptResult): RetryReason {
  if (result.kind === 'timeout') return 'timeout';
  if (result.kind === 'network') return 'connection_error';
  return result.decision.action === 'retry' ? result.decision.reason : 'server_error';
}

function askedWaitMs(result: AttemptResult, now: number): number | undefined {
  if (result.kind !== 'response') return undefined;
  const { decision, response } = result;
  if (decision.action === 'retry' && decision.delayMs !== undefined) return decision.delayMs;
  return retryAfterFromHeaders(response.headers, now);
}

/** Refusals before any work was done: safe to repeat even when the request is not idempotent. */
function nothingWasDone(result: AttemptResult, reason: RetryReason): boolean {
  if (reason === 'rate_limited' || reason === 'throttled') return true;
  return result.kind === 'network' && isConnectionRefused(result.code);
}
