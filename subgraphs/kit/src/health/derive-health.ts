import type { ConnectionHealthSettings } from './health-settings.ts';

/** A connection's calls within the health window. */
export interface WindowStats {
  calls: number;
  failures: number;
  /** Whether the last `IONFLUX_HEALTH_RECOVERY_CALLS` calls of the window all succeeded. */
  recentAllSucceeded: boolean;
  /** ErrorCodes of the failed calls, most frequent first. */
  errorCodes: readonly string[];
}

export type CallHealth = { health: 'HEALTHY'; reason: null } | { health: 'DEGRADED'; reason: string };

/**
 * Health from the window's calls alone (no memory of the previous state, so every instance derives the
 * same answer): DEGRADED when at least `IONFLUX_HEALTH_MIN_CALLS` calls were made, at least
 * `IONFLUX_HEALTH_ERROR_RATE` of them failed, and the last `IONFLUX_HEALTH_RECOVERY_CALLS` did not all
 * succeed; HEALTHY otherwise. The last condition is what lets a connection recover as soon as the
 * provider answers again, instead of when its failures leave the window.
 */
export function deriveHealth(stats: WindowStats, settings: ConnectionHealthSettings): CallHealth {
  const degraded =
    stats.calls >= settings.IONFLUX_HEALTH_MIN_CALLS &&
    stats.failures / stats.calls >= settings.IONFLUX_HEALTH_ERROR_RATE &&
    !stats.recentAllSucceeded;
  if (!degraded) return { health: 'HEALTHY', reason: null };
  const minutes = Math.round(settings.IONFLUX_HEALTH_WINDOW_SECONDS / 60);
  const window = minutes >= 1 ? `${minutes} min` : `${settings.IONFLUX_HEALTH_WINDOW_SECONDS} s`;
  const codes = stats.errorCodes.length > 0 ? ` (${stats.errorCodes.join(', ')})` : '';
  return {
    health: 'DEGRADED',
    reason: `${stats.failures} of the last ${stats.calls} calls in ${window} failed${codes}`,
  };
}
