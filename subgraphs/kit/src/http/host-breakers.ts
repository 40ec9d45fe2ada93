import type { CircuitBreakerPolicy } from 'cockatiel';
import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhenResult } from 'cockatiel';
import type { Gauge } from 'prom-client';

export interface HostBreakersOptions {
  provider: string;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  /** Tells which results count against the provider's health (5xx, connection errors, timeouts). */
  isFailure: (result: unknown) => boolean;
  stateGauge: Gauge<'provider' | 'host'>;
}

/**
 * One cockatiel circuit breaker per host of a provider, made on first use. Per host because one shop's
 * domain or one regional endpoint failing must not cut off the others.
 */
export interface HostBreakers {
  forHost(host: string): CircuitBreakerPolicy;
}

export function createHostBreakers(options: HostBreakersOptions): HostBreakers {
  const breakers = new Map<string, CircuitBreakerPolicy>();
  return {
    forHost(host) {
      const existing = breakers.get(host);
      if (existing) return existing;
      const breaker = circuitBreaker(handleWhenResult(options.isFailure), {
        breaker: new ConsecutiveBreaker(options.consecutiveFailures),
        halfOpenAfter: options.halfOpenAfterMs,
      });
      const labels = { provider: options.provider, host };
      options.stateGauge.set(labels, CircuitState.Closed);
      breaker.onStateChange((state) => options.stateGauge.set(labels, state));
      breakers.set(host, breaker);
      return breaker;
    },
  };
}
