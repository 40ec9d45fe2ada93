import type { Registry } from 'prom-client';
import { Counter, Gauge, Histogram } from 'prom-client';
import { metricOnce as reuse } from '../metrics/metric-once.ts';

/** How an attempt ended; the `outcome` label of `ionflux_provider_requests_total`. */
export type AttemptOutcome = 'success' | 'returned_error' | 'retried' | 'failed' | 'cancelled';

export interface ProviderHttpMetrics {
  /** One count per attempt, by `status_class` (`2xx`…`5xx`, `network`, `timeout`, `circuit_open`,
   * `cancelled`). */
  requests: Counter<'provider' | 'status_class' | 'outcome'>;
  duration: Histogram<'provider'>;
  retries: Counter<'provider' | 'reason'>;
  /** 0 closed, 1 open, 2 half-open (cockatiel's `CircuitState` numbering). */
  breakerState: Gauge<'provider' | 'host'>;
  /**
   * One count per call (retries included in it), by the status class of its last attempt and the
   * `ErrorCode` it ended with (`none` when it returned a response).
   */
  calls: Counter<'provider' | 'status_class' | 'code'>;
  /**
   * Time a call waited because the provider throttles: `retry_after` (a 429 or THROTTLED answer's wait)
   * or `bucket` (a client-side cost bucket a subgraph keeps per account, waited on before sending).
   */
  throttleWait: Histogram<'provider' | 'source'>;
}

/**
 * The provider client's metrics on `registry`. Several clients (one per provider) share a service's
 * registry, and prom-client refuses a second metric of the same name, so an existing one is reused.
 */
export function createProviderHttpMetrics(registry: Registry): ProviderHttpMetrics {
  return {
    requests: reuse(registry, 'ionflux_provider_requests_total', (registers) => {
      return new Counter({
        name: 'ionflux_provider_requests_total',
        help: 'HTTP attempts made to providers, by provider, status class and outcome',
        labelNames: ['provider', 'status_class', 'outcome'] as const,
        registers,
      });
    }),
    duration: reuse(registry, 'ionflux_provider_request_duration_seconds', (registers) => {
      return new Histogram({
        name: 'ionflux_provider_request_duration_seconds',
        help: 'Latency of one HTTP attempt to a provider, body included',
        labelNames: ['provider'] as const,
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        registers,
      });
    }),
    retries: reuse(registry, 'ionflux_provider_retries_total', (registers) => {
      return new Counter({
        name: 'ionflux_provider_retries_total',
        help: 'Retries of provider calls, by provider and reason',
        labelNames: ['provider', 'reason'] as const,
        registers,
      });
    }),
    breakerState: reuse(registry, 'ionflux_provider_breaker_state', (registers) => {
      return new Gauge({
        name: 'ionflux_provider_breaker_state',
        help: 'Circuit breaker state per provider and host: 0 closed, 1 open, 2 half-open',
        labelNames: ['provider', 'host'] as const,
        registers,
      });
    }),
    calls: reuse(registry, 'ionflux_provider_calls_total', (registers) => {
      return new Counter({
        name: 'ionflux_provider_calls_total',
        help: 'Provider calls (all their attempts), by provider, status class of the last attempt and the error code the call ended with (none: answered)',
        labelNames: ['provider', 'status_class', 'code'] as const,
        registers,
      });
    }),
    throttleWait: reuse(registry, 'ionflux_provider_throttle_wait_seconds', (registers) => {
      return new Histogram({
        name: 'ionflux_provider_throttle_wait_seconds',
        help: 'Time calls waited for a provider that throttles, by provider and source (retry_after, bucket)',
        labelNames: ['provider', 'source'] as const,
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
        registers,
      });
    }),
  };
}
