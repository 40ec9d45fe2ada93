import { describe, expect, it } from 'vitest';
import type { PlanContext } from './plan-next-step.ts';
import { planNextStep } from './plan-next-step.ts';
import type { AttemptResult } from './send-attempt.ts';

const context: PlanContext = {
  provider: 'p',
  attempt: 1,
  maxAttempts: 4,
  idempotent: false,
  maxRetryAfterMs: 30_000,
  timeoutMs: 1_000,
  now: 0,
  nextBackoffMs: () => 42,
};

function response(status: number, headers: Record<string, string> = {}): AttemptResult {
  return {
    kind: 'response',
    response: { status, headers: new Headers(headers), body: undefined, text: '' },
    decision:
      status === 429
        ? { action: 'retry', reason: 'rate_limited' }
        : { action: 'retry', reason: 'server_error' },
  };
}

describe('planNextStep for a request that is not idempotent', () => {
  it('does not repeat it after a timeout or a reset, which may have reached the provider', () => {
    expect(planNextStep({ kind: 'timeout' }, context)).toMatchObject({
      step: 'throw',
      reason: 'timeout',
      error: { code: 'PROVIDER_UNAVAILABLE' },
    });
    expect(planNextStep({ kind: 'network', code: 'ECONNRESET', error: new Error() }, context)).toMatchObject({
      step: 'throw',
      error: { code: 'PROVIDER_UNAVAILABLE' },
    });
  });

  it('repeats it after a refused connection, which never reached the provider', () => {
    expect(planNextStep({ kind: 'network', code: 'ECONNREFUSED', error: new Error() }, context)).toEqual({
      step: 'retry',
      reason: 'connection_error',
      waitMs: 42,
    });
  });
});

describe('planNextStep waits', () => {
  it('prefers the wait the provider asks for over the backoff', () => {
    expect(planNextStep(response(429, { 'retry-after': '5' }), context)).toEqual({
      step: 'retry',
      reason: 'rate_limited',
      waitMs: 5000,
    });
  });

  it('gives up with the asked wait when it exceeds maxRetryAfterMs', () => {
    expect(planNextStep(response(429, { 'retry-after': '31' }), context)).toMatchObject({
      step: 'throw',
      error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: 31 } },
    });
  });

  it('reports the backoff it would have used as retryAfterSeconds when the provider gave none', () => {
    const last = { ...context, attempt: 4, nextBackoffMs: () => 2_500 };
    expect(planNextStep(response(429), last)).toMatchObject({
      step: 'throw',
      error: { code: 'RATE_LIMITED', details: { retryAfterSeconds: 3 } },
    });
  });
});
