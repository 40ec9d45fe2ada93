import type { ZodType } from 'zod';
import type { Logger } from '../logging/index.ts';

/** How many times a task runs before its job is given up, unless the task says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** What a task handler gets besides its payload. */
export interface TaskHelpers {
  /** The queue's id of this job (stable across its attempts). */
  jobId: string;
  /** 1 on the first run; a job recovered from a dead worker counts the lost run too. */
  attempt: number;
  /** Bound to the task name, job id and attempt. */
  logger: Logger;
  /** Aborts when the worker is shutting down and the job should stop early (it will run again). */
  signal: AbortSignal;
}

/**
 * A kind of job a worker can run.
 *
 * Every handler must be idempotent: a job runs at least once, not exactly once. It runs again after a
 * failure (with exponential backoff), after its worker died mid-job (SIGKILL, crash, lost machine),
 * and when it finished during a graceful shutdown whose completion was not recorded. Make the effect
 * keyed (upserts, `on conflict do nothing`, status checks) so that a second run changes nothing.
 */
export interface TaskDefinition<Payload> {
  /** The task identifier jobs are enqueued under, e.g. `<subgraph>.webhook.process`. */
  name: string;
  /**
   * Validates the payload before the handler sees it; a payload that fails is not retried (it would
   * fail the same way) and the job is given up at once.
   */
  payloadSchema?: ZodType<Payload>;
  handler(payload: Payload, helpers: TaskHelpers): Promise<void>;
  /**
   * Attempts before the job is given up and kept as permanently failed. The lower of this and the
   * job's own `maxAttempts` (see {@link EnqueueOptions}) applies.
   * @default 10
   */
  maxAttempts?: number;
}

/** A periodic job: the worker enqueues `task` at every time `pattern` matches (UTC), once across workers. */
export interface CronDefinition {
  task: string;
  /** Five crontab fields (minute hour day-of-month month day-of-week), UTC, e.g. `0 3 * * *` (03:00 daily). */
  pattern: string;
  /** Sent to the task, plus `_cron: { ts }` naming the slot. @default {} */
  payload?: unknown;
  /**
   * Names the schedule across deploys; two definitions for one task need distinct identifiers.
   * @default the task name
   */
  identifier?: string;
  /**
   * After downtime, slots missed within this period are enqueued at start (at most one run per slot).
   * @default 0 (missed slots are skipped)
   */
  backfillPeriodMs?: number;
}
