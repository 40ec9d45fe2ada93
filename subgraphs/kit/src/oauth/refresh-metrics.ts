import { Counter, type Registry } from 'prom-client';
import { metricOnce } from '../metrics/index.ts';
import type { OAuthDeps } from './oauth-deps.ts';
import type { RefreshOutcome } from './refresh-credential.ts';

/** The `outcome` label of `ionflux_oauth_token_refreshes_total`. */
export type RefreshMetricOutcome = 'refreshed' | 'reused' | 'auth_invalid' | 'failed';

export function refreshMetricOutcome(outcome: RefreshOutcome): RefreshMetricOutcome | undefined {
  switch (outcome.kind) {
    case 'fresh':
      return outcome.refreshed ? 'refreshed' : 'reused';
    case 'auth_invalid':
      return 'auth_invalid';
    case 'failed':
      return 'failed';
    case 'not_connected':
      return undefined;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/** Registers `ionflux_oauth_token_refreshes_total` on `registry` (once), so scrapes show it before any refresh. */
export function registerOAuthMetrics(registry: Registry): Counter<'provider' | 'outcome'> {
  return metricOnce(
    registry,
    'ionflux_oauth_token_refreshes_total',
    (registers) =>
      new Counter({
        name: 'ionflux_oauth_token_refreshes_total',
        help: 'OAuth token refreshes, by provider and outcome (refreshed, reused, auth_invalid, failed)',
        labelNames: ['provider', 'outcome'] as const,
        registers,
      }),
  );
}

/**
 * Counts one refresh attempt of a connection's tokens in `deps.registry`, by provider and outcome
 * (`reused`: another process had refreshed it while this one waited for the lock).
 */
export function countRefresh(
  deps: Pick<OAuthDeps, 'registry'>,
  provider: string,
  outcome: RefreshOutcome,
): void {
  const label = refreshMetricOutcome(outcome);
  if (!deps.registry || label === undefined) return;
  registerOAuthMetrics(deps.registry).inc({ provider, outcome: label });
}
