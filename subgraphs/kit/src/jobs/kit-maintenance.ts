import type postgres from 'postgres';
import { z } from 'zod';
import { pruneEvents } from '../events/index.ts';
import type { Logger } from '../logging/index.ts';
import { pruneOAuthStates } from '../oauth/index.ts';
import { pruneWebhookDeliveries } from '../webhooks/index.ts';
import type { CronDefinition, TaskDefinition } from './task-definition.ts';

/** Task names of the kit's own periodic jobs. */
export const KIT_MAINTENANCE_TASKS = {
  pruneOAuthStates: 'kit.oauth-states.prune',
  pruneEvents: 'kit.events.prune',
  pruneWebhookDeliveries: 'kit.webhook-deliveries.prune',
} as const;

/**
 * The env that sets the kit tables' retention, for the service that runs the kit's jobs. Defaults:
 * OAuth states are deleted a day after they expire (a just-expired link still answers "expired", not
 * "unknown"); events (`kit.events`, the bus's log) after 7 days, far longer than any listener outage
 * worth replaying; applied webhook deliveries after 30 days (a place to look back, and far past any
 * provider's redelivery, which the stored delivery id must still recognise).
 */
export const kitMaintenanceEnv = {
  /** Hours an expired OAuth state is kept. @default 24 */
  IONFLUX_OAUTH_STATE_RETENTION_HOURS: z.coerce.number().positive().default(24),
  /** Hours an event stays in `kit.events`. @default 168 (7 days) */
  IONFLUX_EVENT_RETENTION_HOURS: z.coerce.number().positive().default(168),
  /**
   * Days a `PROCESSED` webhook delivery is kept; never fewer than 3, longer than providers redeliver
   * (a pruned delivery delivered again would be stored again). Deliveries not applied are kept. @default 30
   */
  IONFLUX_WEBHOOK_RETENTION_DAYS: z.coerce.number().min(3).default(30),
};

export interface KitMaintenanceSettings {
  IONFLUX_OAUTH_STATE_RETENTION_HOURS: number;
  IONFLUX_EVENT_RETENTION_HOURS: number;
  IONFLUX_WEBHOOK_RETENTION_DAYS: number;
}

/**
 * The kit's retention jobs, provider-neutral: OAuth states past expiry plus the grace, events past their
 * retention, and applied webhook deliveries past theirs, are deleted. Idempotent (a delete by age). Run them in any one service's job worker
 * with {@link kitMaintenanceCron}.
 */
export function kitMaintenanceTasks(deps: {
  sql: postgres.Sql;
  settings: KitMaintenanceSettings;
  now?: () => Date;
  logger?: Logger;
}): TaskDefinition<unknown>[] {
  const now = deps.now ?? (() => new Date());
  const hours = (value: number) => value * 3600_000;
  return [
    {
      name: KIT_MAINTENANCE_TASKS.pruneOAuthStates,
      maxAttempts: 3,
      async handler(_payload, { logger }) {
        const deleted = await pruneOAuthStates(
          { sql: deps.sql, now },
          { graceMs: hours(deps.settings.IONFLUX_OAUTH_STATE_RETENTION_HOURS) },
        );
        logger.info({ deleted }, 'expired oauth states pruned');
      },
    },
    {
      name: KIT_MAINTENANCE_TASKS.pruneEvents,
      maxAttempts: 3,
      async handler(_payload, { logger }) {
        const cutoff = new Date(now().getTime() - hours(deps.settings.IONFLUX_EVENT_RETENTION_HOURS));
        const deleted = await pruneEvents(deps.sql, cutoff);
        logger.info({ deleted }, 'old events pruned');
      },
    },
    {
      name: KIT_MAINTENANCE_TASKS.pruneWebhookDeliveries,
      maxAttempts: 3,
      async handler(_payload, { logger }) {
        const days = deps.settings.IONFLUX_WEBHOOK_RETENTION_DAYS;
        const deleted = await pruneWebhookDeliveries(deps.sql, new Date(now().getTime() - hours(days * 24)));
        logger.info({ deleted }, 'applied webhook deliveries past retention pruned');
      },
    },
  ];
}

/**
 * When the retention jobs run: hourly, at different minutes, each slot once across every worker that
 * declares it (graphile-worker's cron). A slot missed while no worker ran is caught up within 2 hours.
 */
export function kitMaintenanceCron(): CronDefinition[] {
  return [
    { task: KIT_MAINTENANCE_TASKS.pruneOAuthStates, pattern: '7 * * * *', backfillPeriodMs: 2 * 3600_000 },
    { task: KIT_MAINTENANCE_TASKS.pruneEvents, pattern: '37 * * * *', backfillPeriodMs: 2 * 3600_000 },
    {
      task: KIT_MAINTENANCE_TASKS.pruneWebhookDeliveries,
      pattern: '47 * * * *',
      backfillPeriodMs: 2 * 3600_000,
    },
  ];
}
