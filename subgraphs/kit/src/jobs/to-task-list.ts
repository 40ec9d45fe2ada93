import type { JobHelpers, Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { Logger } from '../logging/index.ts';
import { SpanKind, type Tracing } from '../tracing/index.ts';
import { jobTraceContext } from './job-trace-context.ts';
import { DEFAULT_MAX_ATTEMPTS, type TaskDefinition } from './task-definition.ts';

/**
 * graphile-worker's task list for our definitions: payload validation, logging, the attempt cap, and
 * with tracing on a CONSUMER span per run continuing the trace its enqueuer put in the payload.
 */
export function toTaskList(
  tasks: readonly TaskDefinition<unknown>[],
  logger: Logger,
  tracing?: Tracing,
): TaskList {
  const list: TaskList = {};
  for (const task of tasks) {
    if (Object.hasOwn(list, task.name)) throw new Error(`job task ${task.name} is defined twice`);
    const run = toGraphileTask(task, logger);
    list[task.name] = tracing?.enabled
      ? (payload, helpers) =>
          tracing.inSpan(
            `job ${task.name}`,
            {
              kind: SpanKind.CONSUMER,
              parent: jobTraceContext(payload),
              attributes: { 'ionflux.job.task': task.name, 'ionflux.job.attempt': helpers.job.attempts },
            },
            async () => {
              await run(payload, helpers);
            },
          )
      : run;
  }
  return list;
}

function toGraphileTask(task: TaskDefinition<unknown>, logger: Logger): Task {
  const maxAttempts = task.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const { job } = helpers;
    const jobLogger = logger.child({ task: task.name, jobId: job.id, attempt: job.attempts });
    let payload: unknown = rawPayload;
    if (task.payloadSchema) {
      const parsed = task.payloadSchema.safeParse(rawPayload);
      if (!parsed.success) {
        // The same payload would fail the same way on every retry.
        await giveUp(helpers);
        const reason = z.prettifyError(parsed.error);
        jobLogger.error({ reason }, 'job payload is invalid; given up without retrying');
        throw new Error(`invalid payload for job task ${task.name}: ${reason}`);
      }
      payload = parsed.data;
    }
    try {
      await task.handler(payload, {
        jobId: job.id,
        attempt: job.attempts,
        logger: jobLogger,
        signal: helpers.abortSignal,
      });
    } catch (error) {
      const final = job.attempts >= Math.min(maxAttempts, job.max_attempts);
      if (final && job.max_attempts > job.attempts) await giveUp(helpers);
      if (final)
        jobLogger.error({ err: error }, 'job failed on its last attempt; kept as permanently failed');
      else jobLogger.warn({ err: error }, 'job failed; it will be retried with exponential backoff');
      throw error;
    }
  };
}

/**
 * Makes the failure being recorded the job's last one. graphile-worker only knows a job's own
 * `max_attempts` (set when enqueued), so a task's lower cap is applied by lowering it on the row; the
 * job then stays in the queue as permanently failed, as graphile-worker keeps such jobs.
 */
async function giveUp(helpers: JobHelpers): Promise<void> {
  await helpers.query('update graphile_worker._private_jobs set max_attempts = attempts where id = $1', [
    helpers.job.id,
  ]);
}
