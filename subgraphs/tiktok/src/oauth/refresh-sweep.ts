import type { CronDefinition, TaskDefinition } from '@ionflux/kit/jobs';
import { type OAuthDeps, refreshExpiringCredentials } from '@ionflux/kit/oauth';

/** The job that refreshes TikTok access tokens before they expire. */
export const TIKTOK_REFRESH_TASK = 'tiktok.credentials.refresh';

/**
 * Refreshes every connected TikTok account whose access token (24 h) expires within `withinMs`, through
 * the kit's single-flight refresh: an agent's first call after a quiet night finds a live token, and a
 * refresh token TikTok refuses (revoked, expired after 365 days) turns the connection NEEDS_REAUTH with
 * a notification while nobody is waiting on it. Not retried: the next slot is the retry.
 */
export function tiktokRefreshTask(deps: OAuthDeps, withinMs: number): TaskDefinition<unknown> {
  return {
    name: TIKTOK_REFRESH_TASK,
    maxAttempts: 1,
    async handler(_payload, { logger }) {
      const result = await refreshExpiringCredentials(deps, { within: withinMs });
      logger.info(result, 'tiktok refresh sweep done');
    },
  };
}

/** The sweep's schedule (`TIKTOK_REFRESH_CRON`, UTC); a slot missed in the last hour runs at start. */
export function tiktokRefreshCron(pattern: string): CronDefinition[] {
  return [{ task: TIKTOK_REFRESH_TASK, pattern, backfillPeriodMs: 3600_000 }];
}
