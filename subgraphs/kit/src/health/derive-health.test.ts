import { describe, expect, it } from 'vitest';
import { deriveHealth } from './derive-health.ts';
import { DEFAULT_HEALTH_SETTINGS } from './health-settings.ts';

const stats = (calls: number, failures: number, recentAllSucceeded = false) => ({
  calls,
  failures,
  recentAllSucceeded,
  errorCodes: failures > 0 ? ['PROVIDER_UNAVAILABLE'] : [],
});

describe('deriveHealth', () => {
  it('is HEALTHY with too few calls to judge, even if they all failed', () => {
    expect(deriveHealth(stats(2, 2), DEFAULT_HEALTH_SETTINGS)).toEqual({ health: 'HEALTHY', reason: null });
  });

  it('is DEGRADED when the error rate reaches the threshold, saying how many failed and why', () => {
    expect(deriveHealth(stats(4, 2), DEFAULT_HEALTH_SETTINGS)).toEqual({
      health: 'DEGRADED',
      reason: '2 of the last 4 calls in 15 min failed (PROVIDER_UNAVAILABLE)',
    });
  });

  it('is HEALTHY below the threshold', () => {
    expect(deriveHealth(stats(10, 4), DEFAULT_HEALTH_SETTINGS).health).toBe('HEALTHY');
  });

  it('recovers once the last calls succeed, though the failures are still in the window', () => {
    expect(deriveHealth(stats(8, 5, true), DEFAULT_HEALTH_SETTINGS).health).toBe('HEALTHY');
  });
});
