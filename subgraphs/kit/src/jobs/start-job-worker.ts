import { EventEmitter } from 'node:events';
import { type Runner, run, type WorkerEvents } from 'graphile-worker';
import type { Logger } from '../logging/index.ts';
import type { Tracing } from '../tracing/index.ts';
import { toGraphileLogger } from './graphile-logger.ts';
import { migrateJobSchema } from './migrate-job-schema.ts';
import { releaseWorkerLocks } from './recover-dead-worker-jobs.ts';
import { startRecoveryLoop } from './recovery-loop.ts';
import type { CronDefinition, TaskDefinition } from './task-definition.ts';
import { toCronItems } from './to-cron-items.ts';
import { toTaskList } from './to-task-list.ts';
import { openWorkerPresence, type WorkerPresence } from './worker-presence.ts';

export interface JobWorkerConfig {
  databaseUrl: string;
  logger: Logger;
  /** The tasks this worker runs; jobs of other tasks are left to workers that know them. */
  // Method-style `handler` makes any TaskDefinition<P> assignable here.
  tasks: readonly TaskDefinition<unknown>[];
  /** Periodic jobs; each slot is enqueued once however many workers declare it. @default [] */
  cron?: readonly CronDefinition[];
  /** Jobs run at once in this process. @default 4 */
  concurrency?: number;
  /**
   * How often to look for due jobs besides being woken by LISTEN/NOTIFY (needed for retries and
   * `runAt` in the future). @default 2000
   */
  pollIntervalMs?: number;
  /** How often to look for jobs locked by dead workers, besides once at start. @default 10000 */
  recoveryIntervalMs?: number;
  /** A span per job run, continuing the trace of whoever enqueued it. @default off */
  tracing?: Tracing;
}

export interface JobWorker {
  /**
   * Graceful: takes no new job, waits for running ones (aborting their `signal` after 5 s), then
   * releases whatever this worker still has locked so another worker runs it without delay.
   */
  stop(): Promise<void>;
}

/**
 * Starts a graphile-worker pool on `tasks` (and the `cron` schedule), with crash recovery: the pool
 * announces itself with a presence session before it takes any job, and at start and every
 * `recoveryIntervalMs` it unlocks jobs held by pools without one (see `recoverDeadWorkerJobs`). A job
 * whose worker was SIGKILLed therefore runs again as soon as any worker starts or next looks, instead
 * of after graphile-worker's 4-hour lock expiry.
 */
export async function startJobWorker(config: JobWorkerConfig): Promise<JobWorker> {
  const logger = config.logger.child({ component: 'job-worker' });
  const taskList = toTaskList(config.tasks, config.logger, config.tracing);
  const known = new Set(config.tasks.map((task) => task.name));
  for (const item of config.cron ?? []) {
    if (!known.has(item.task)) throw new Error(`cron schedules task ${item.task}, which this worker lacks`);
  }
  const parsedCronItems = toCronItems(config.cron ?? []);
  const concurrency = config.concurrency ?? 4;
  await migrateJobSchema(config.databaseUrl, config.logger);

  // The presence must exist before the pool locks its first job, or a worker starting at that moment
  // could take the pool for dead and unlock a running job. graphile-worker names its pool only when it
  // creates it, so presence opens on `pool:create` and the first job fetch waits for it through
  // `forbiddenFlags`, which graphile-worker awaits before every fetch.
  let presence: WorkerPresence | undefined;
  const presenceReady = Promise.withResolvers<WorkerPresence>();
  presenceReady.promise.catch(() => {});
  const events: WorkerEvents = new EventEmitter();
  events.on('pool:create', ({ workerPool }) => {
    openWorkerPresence(config.databaseUrl, workerPool.id).then((opened) => {
      presence = opened;
      presenceReady.resolve(opened);
    }, presenceReady.reject);
  });

  let runner: Runner;
  try {
    runner = await run({
      connectionString: config.databaseUrl,
      maxPoolSize: concurrency + 2,
      concurrency,
      pollInterval: config.pollIntervalMs ?? 2000,
      noHandleSignals: true,
      logger: toGraphileLogger(config.logger),
      events,
      taskList,
      parsedCronItems,
      forbiddenFlags: () => (presence ? null : presenceReady.promise.then(() => null)),
    });
  } catch (error) {
    // The pool may have been created (and its presence opened) before the failure.
    presenceReady.promise.then((opened) => opened.close()).catch(() => {});
    throw error;
  }
  let ownPresence: WorkerPresence;
  try {
    ownPresence = await presenceReady.promise;
  } catch (error) {
    await runner.stop().catch(() => {});
    throw error;
  }
  runner.promise.catch((error: unknown) => logger.error({ err: error }, 'job worker stopped on an error'));

  const recovery = await startRecoveryLoop(ownPresence.sql, logger, config.recoveryIntervalMs ?? 10_000);
  logger.info(
    { pool: ownPresence.poolId, tasks: [...known], cron: parsedCronItems.length, concurrency },
    'job worker started',
  );

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    await recovery.stop();
    try {
      await runner.stop();
    } finally {
      // A job that finished during the shutdown may not have had its completion recorded and stays
      // locked by this pool: release it now (it runs again; tasks are idempotent).
      await releaseWorkerLocks(ownPresence.sql, ownPresence.poolId).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not release this worker’s locks'),
      );
      await ownPresence.close();
      logger.info({ pool: ownPresence.poolId }, 'job worker stopped');
    }
  };
  return {
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };
}
