import type { CircuitBreakerPolicy } from 'cockatiel';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhenResult,
} from 'cockatiel';
import type { Gauge } from 'prom-client';
import type { Logger } from '../logging/index.ts';

/**
 * Which breakers a request counts against besides its host, for providers called with several
 * credentials on behalf of several tenants (the LLM subgraph: IONFLUX's central key, or a workspace's
 * own key).
 */
export interface BreakerScope {
  /**
   * Requests sent with the same credential share a breaker: e.g. `central`, or `workspace:<id>` for a
   * tenant's own key. It counts what the provider failed: 5xx (not 501) and connections that could not
   * be made or were dropped. Timeouts do not count here: how long a call runs is the caller's choice
   * (a long generation), so one tenant's slow calls cannot open the breaker every tenant shares.
   */
  key: string;
  /** Who chose the call (e.g. `workspace:<id>`): its timed-out attempts count against a breaker of its own. */
  caller: string;
  /**
   * Whether the shared breaker's state is the gauge's `{provider, host}` series: set it for keys with few
   * values (`central`), never for one per tenant. @default false
   */
  reportState?: boolean;
}

/** How an attempt bears on the provider's health: `healthy` closes breakers, the others may count. */
export type AttemptHealth = 'healthy' | 'provider_failure' | 'timeout';

/** Thrown when an open breaker refuses an attempt; `scope` says which one. */
export class OpenCircuitError extends Error {
  readonly scope: 'host' | 'shared' | 'caller';
  constructor(scope: 'host' | 'shared' | 'caller', cause: unknown) {
    super(`circuit open (${scope})`, { cause });
    this.name = 'OpenCircuitError';
    this.scope = scope;
  }
}

export interface HostBreakersOptions {
  provider: string;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
  /** Reads an attempt's result (5xx, connection errors, timeouts against the provider's health). */
  healthOf: (result: unknown) => AttemptHealth;
  stateGauge: Gauge<'provider' | 'host'>;
  logger: Logger;
  /** Breakers kept; past it the oldest closed ones are forgotten. @default 10_000 */
  maxBreakers?: number;
}

/**
 * Cockatiel circuit breakers per host of a provider, made on first use. Per host because one shop's
 * domain or one regional endpoint failing must not cut off the others. A request with a
 * {@link BreakerScope} goes through two instead of the host's one: the breaker of its credential
 * (provider failures only) and the breaker of its caller (timeouts only), so neither a tenant's own
 * key failing nor a tenant's slow calls cut off another tenant.
 */
export interface HostBreakers {
  /** Runs one attempt through the request's breakers; rejects with {@link OpenCircuitError} when one is open. */
  execute<Result>(
    host: string,
    scope: BreakerScope | undefined,
    attempt: (signal: AbortSignal) => Promise<Result>,
    signal: AbortSignal | undefined,
  ): Promise<Result>;
}

type Kind = 'host' | 'shared' | 'caller';

// What counts against each kind of breaker; `neutral` neither counts nor resets the count.
const effect: Record<Kind, Record<AttemptHealth, 'failure' | 'success' | 'neutral'>> = {
  host: { healthy: 'success', provider_failure: 'failure', timeout: 'failure' },
  shared: { healthy: 'success', provider_failure: 'failure', timeout: 'neutral' },
  caller: { healthy: 'success', provider_failure: 'neutral', timeout: 'failure' },
};

/** Carries a neutral result past cockatiel, which counts neither a success nor a failure for an error it does not handle. */
class Neutral {
  readonly result: unknown;
  constructor(result: unknown) {
    this.result = result;
  }
}

export function createHostBreakers(options: HostBreakersOptions): HostBreakers {
  const breakers = new Map<string, CircuitBreakerPolicy>();
  const maxBreakers = options.maxBreakers ?? 10_000;

  const breakerFor = (kind: Kind, host: string, name: string, report: boolean): CircuitBreakerPolicy => {
    const id = kind === 'host' ? host : `${host}|${kind}|${name}`;
    const existing = breakers.get(id);
    if (existing) return existing;
    if (breakers.size >= maxBreakers) forgetClosed();
    const breaker = circuitBreaker(
      handleWhenResult((result) => effect[kind][options.healthOf(result)] === 'failure'),
      {
        breaker: new ConsecutiveBreaker(options.consecutiveFailures),
        halfOpenAfter: options.halfOpenAfterMs,
      },
    );
    const labels = { provider: options.provider, host };
    if (report) {
      options.stateGauge.set(labels, CircuitState.Closed);
      breaker.onStateChange((state) => options.stateGauge.set(labels, state));
    }
    breaker.onBreak(() =>
      options.logger.warn(
        { provider: options.provider, host, breaker: kind === 'host' ? 'host' : `${kind}:${name}` },
        'circuit breaker opened',
      ),
    );
    breakers.set(id, breaker);
    return breaker;
  };

  const forgetClosed = () => {
    for (const [id, breaker] of breakers) {
      if (breakers.size < maxBreakers) return;
      if (breaker.state === CircuitState.Closed) breakers.delete(id);
    }
  };

  const through = async <Result>(
    kind: Kind,
    breaker: CircuitBreakerPolicy,
    run: (signal: AbortSignal) => Promise<Result>,
    signal: AbortSignal | undefined,
  ): Promise<Result> => {
    try {
      return await breaker.execute(async (context) => {
        const result = await run(context.signal);
        if (effect[kind][options.healthOf(result)] === 'neutral') throw new Neutral(result);
        return result;
      }, signal);
    } catch (error) {
      if (error instanceof Neutral) return error.result as Result;
      if (error instanceof BrokenCircuitError) throw new OpenCircuitError(kind, error);
      throw error;
    }
  };

  return {
    execute(host, scope, attempt, signal) {
      if (scope === undefined) return through('host', breakerFor('host', host, '', true), attempt, signal);
      const shared = breakerFor('shared', host, scope.key, scope.reportState ?? false);
      const caller = breakerFor('caller', host, scope.caller, false);
      return through(
        'caller',
        caller,
        (callerSignal) => through('shared', shared, attempt, callerSignal),
        signal,
      );
    },
  };
}
