import type { IBackoff } from 'cockatiel';
import { ExponentialBackoff, fullJitterGenerator, TimeoutStrategy, timeout } from 'cockatiel';
import { Registry } from 'prom-client';
import { Agent } from 'undici';
import { IntegrationError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import { SpanKind, type Tracing } from '../tracing/index.ts';
import { abortableSleep } from './abortable-sleep.ts';
import { createAttemptRecorder, statusClassOf } from './attempt-recorder.ts';
import { describeUrl } from './describe-url.ts';
import { type AttemptHealth, createHostBreakers, OpenCircuitError } from './host-breakers.ts';
import { planNextStep } from './plan-next-step.ts';
import { createProviderHttpMetrics } from './provider-http-metrics.ts';
import type { ProviderRequest, ProviderResponse } from './provider-request.ts';
import type { ResponseHead, RetryDecision } from './retry-decision.ts';
import { classifyByStatus } from './retry-decision.ts';
import type { AttemptResult } from './send-attempt.ts';
import { sendAttempt } from './send-attempt.ts';

export interface ProviderHttpClientOptions {
  /** The provider's id: the `provider` label of logs and metrics, and half the breaker key. */
  provider: string;
  logger: Logger;
  /** Where the `ionflux_provider_*` metrics go. @default a private registry nobody scrapes */
  registry?: Registry;
  /** Per attempt, from sending to the last byte of the body. @default 30_000 */
  timeoutMs?: number;
  /** Attempts in all, the first included. @default 4 */
  maxAttempts?: number;
  /** First backoff ceiling; each retry doubles it, and the wait is drawn in [0, ceiling). @default 200 */
  baseDelayMs?: number;
  /** Largest backoff ceiling. @default 8_000 */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` (or classified delay) worth waiting for; a provider asking for more ends the call
   * at once with `RATE_LIMITED` and its `retryAfterSeconds`, so a caller is not held on a doomed wait.
   * @default 30_000
   */
  maxRetryAfterMs?: number;
  /**
   * Per provider and host (and per {@link ProviderRequest.breaker} scope): open after
   * `consecutiveFailures` failed attempts in a row (5xx, timeouts, connection errors; not 4xx or 429),
   * try one call again after `halfOpenAfterMs`.
   * @default { consecutiveFailures: 5, halfOpenAfterMs: 30_000 }
   */
  breaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number };
  /**
   * Decides what a response means, for providers whose errors hide in bodies: a 429
   * `insufficient_quota` is not worth a retry, a 200 `THROTTLED` is. Delegate to
   * {@link classifyByStatus} for everything else. It gets the status and headers, and the body already
   * read (parsed JSON, or text).
   * @default classifyByStatus
   */
  classify?: (response: ResponseHead, body: unknown) => RetryDecision;
  /** Waits between attempts; must reject when `signal` aborts. @default a timer */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Epoch milliseconds, for durations and `Retry-After` dates. The breaker's half-open delay runs on
   * cockatiel's own wall clock. @default Date.now
   */
  now?: () => number;
  /** Keep-alive connections per origin in the client's pool. @default 50 */
  maxConnectionsPerHost?: number;
  /** A CLIENT span per call (its attempts inside), child of the active span. @default off */
  tracing?: Tracing;
}

/** A client for one provider. Make one per provider per process and `close()` it at shutdown. */
export interface ProviderHttpClient {
  /**
   * Sends the request with retries, per-attempt timeout and circuit breaker. Resolves with the response
   * for 2xx/3xx and for errors the caller maps itself (4xx, 501, classified `return`); rejects with an
   * `IntegrationError` (`RATE_LIMITED`, `PROVIDER_UNAVAILABLE`, or the classifier's) when it gives up,
   * and with the signal's reason when the caller cancels. Redirects are returned, never followed, so
   * credentials in the headers go to no other host.
   */
  request(input: ProviderRequest): Promise<ProviderResponse>;
  /** Closes the keep-alive pool once the calls in flight end. */
  close(): Promise<void>;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

// The retry loop is ours rather than cockatiel's `retry()`: its waits are fixed timers that neither take
// an injected clock nor stop when the caller aborts. Backoff, breaker and timeout are cockatiel's.
export function createProviderHttpClient(options: ProviderHttpClientOptions): ProviderHttpClient {
  const { provider, logger } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${timeoutMs}`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const metrics = createProviderHttpMetrics(options.registry ?? new Registry());
  const agent = new Agent({ connections: options.maxConnectionsPerHost ?? 50 });
  const backoff = new ExponentialBackoff({
    generator: fullJitterGenerator,
    initialDelay: options.baseDelayMs ?? 200,
    maxDelay: options.maxDelayMs ?? 8_000,
  });
  const breakers = createHostBreakers({
    provider,
    consecutiveFailures: options.breaker?.consecutiveFailures ?? 5,
    halfOpenAfterMs: options.breaker?.halfOpenAfterMs ?? 30_000,
    healthOf: (result) => healthOf(result as AttemptResult),
    stateGauge: metrics.breakerState,
    logger,
  });
  // Not aborted on return: an attempt has read its whole body by then, and aborting builds a DOMException
  // (a stack capture) on every call.
  const attemptTimeout = timeout(timeoutMs, { strategy: TimeoutStrategy.Cooperative, abortOnReturn: false });
  const send = { dispatcher: agent, classify: options.classify ?? classifyByStatus };

  // One count per call in `ionflux_provider_calls_total`: the status class of its last attempt and the
  // ErrorCode it ended with, so dashboards read provider errors by code without summing attempts.
  async function call(input: ProviderRequest): Promise<ProviderResponse> {
    const last = { statusClass: 'none' };
    try {
      const response = await attempts(input, last);
      metrics.calls.inc({ provider, status_class: last.statusClass, code: 'none' });
      return response;
    } catch (error) {
      const code =
        error instanceof IntegrationError ? error.code : input.signal?.aborted ? 'cancelled' : 'INTERNAL';
      metrics.calls.inc({ provider, status_class: last.statusClass, code });
      throw error;
    }
  }

  // The span names the provider, method and host, never the path (it can hold ids) nor the headers.
  const tracing = options.tracing?.enabled ? options.tracing : undefined;
  const request = !tracing
    ? call
    : (input: ProviderRequest): Promise<ProviderResponse> => {
        const method = input.method.toUpperCase();
        const host = new URL(input.url).host;
        return tracing.inSpan(
          `${method} ${provider}`,
          {
            kind: SpanKind.CLIENT,
            attributes: {
              'ionflux.provider': provider,
              'http.request.method': method,
              'server.address': host,
            },
          },
          async (span) => {
            const response = await call(input);
            span.setAttribute('http.response.status_code', response.status);
            span.setAttribute('ionflux.provider.attempts', response.attempts);
            return response;
          },
        );
      };

  async function attempts(input: ProviderRequest, last: { statusClass: string }): Promise<ProviderResponse> {
    const method = input.method.toUpperCase();
    const where = describeUrl(new URL(input.url));
    const idempotent = input.idempotent ?? idempotentMethods.has(method);
    const recordAttempt = createAttemptRecorder({ provider, method, where }, logger, metrics);
    const record: typeof recordAttempt = (facts) => {
      last.statusClass = facts.statusClass;
      recordAttempt(facts);
    };
    let delays: IBackoff<unknown> | undefined;
    for (let attempt = 1; ; attempt++) {
      if (input.signal?.aborted) throw input.signal.reason;
      const started = now();
      let result: AttemptResult;
      try {
        result = await breakers.execute(
          where.host,
          input.breaker,
          () => attemptTimeout.execute(({ signal }) => sendAttempt(input, signal, send), input.signal),
          input.signal,
        );
      } catch (error) {
        const ms = now() - started;
        if (error instanceof OpenCircuitError) {
          record({ attempt, ms, statusClass: 'circuit_open', outcome: 'failed' });
          throw new IntegrationError(
            'PROVIDER_UNAVAILABLE',
            error.scope === 'caller'
              ? `${provider} calls from this caller are paused: too many of them timed out at ${where.host} in a row; they resume after a pause.`
              : `${provider} is unavailable: too many recent failures at ${where.host}; calls resume after a pause.`,
            { details: { provider, breaker: error.scope }, cause: error },
          );
        }
        if (input.signal?.aborted) record({ attempt, ms, statusClass: 'cancelled', outcome: 'cancelled' });
        throw error;
      }
      const ms = now() - started;
      const next = planNextStep(result, {
        provider,
        attempt,
        maxAttempts,
        idempotent,
        maxRetryAfterMs,
        timeoutMs,
        now: now(),
        nextBackoffMs: () => {
          delays = delays === undefined ? backoff.next() : delays.next(undefined);
          return delays.duration;
        },
      });
      const facts = {
        attempt,
        ms,
        statusClass: statusClassOf(result),
        ...(result.kind === 'response' ? { status: result.response.status } : {}),
        ...(result.kind === 'network' ? { errorCode: result.code } : {}),
      };
      switch (next.step) {
        case 'return':
          record({ ...facts, outcome: next.outcome });
          return { ...next.response, attempts: attempt };
        case 'throw':
          record({ ...facts, outcome: 'failed', ...(next.reason ? { reason: next.reason } : {}) });
          throw next.error;
        case 'retry':
          record({ ...facts, outcome: 'retried', reason: next.reason, retryInMs: next.waitMs });
          if (next.reason === 'rate_limited' || next.reason === 'throttled') {
            metrics.throttleWait.observe({ provider, source: 'retry_after' }, next.waitMs / 1000);
          }
          try {
            await sleep(next.waitMs, input.signal);
          } catch (error) {
            throw input.signal?.aborted ? input.signal.reason : error;
          }
          break;
        default: {
          const unreachable: never = next;
          throw unreachable;
        }
      }
    }
  }

  return {
    request,
    async close() {
      if (!agent.closed) await agent.close();
    },
  };
}

/**
 * How an attempt bears on the provider's health in its breakers: 5xx (not 501) and connection failures
 * are the provider's; a timeout may be the caller's long request; 4xx and 429 say nothing against it.
 */
function healthOf(result: AttemptResult): AttemptHealth {
  if (result.kind === 'timeout') return 'timeout';
  if (result.kind === 'network') return 'provider_failure';
  return result.response.status >= 500 && result.response.status !== 501 ? 'provider_failure' : 'healthy';
}
