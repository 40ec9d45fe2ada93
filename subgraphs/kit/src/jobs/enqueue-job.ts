import type { EnqueueOptions, Queryable } from './job-queue.ts';
import { withJobTraceContext } from './job-trace-context.ts';

/**
 * Adds a job through graphile-worker's `add_job` SQL function, on whatever connection or transaction
 * is given: that is what makes enqueueing transactional with the caller's own writes. With tracing on,
 * the active span's W3C trace context travels in the payload (`_trace`), and the job's span continues it.
 */
export async function enqueueJob(
  sql: Queryable,
  task: string,
  payload: unknown,
  options: Omit<EnqueueOptions, 'tx'> = {},
): Promise<{ jobId: string }> {
  const rows = await sql<{ id: string }[]>`
    select (graphile_worker.add_job(
      identifier => ${task},
      -- JSON text cast from text, and ISO text, not sql.json() or a Date: the caller's pool may be
      -- drizzle's, whose json and timestamp serializers are pass-through, or a plain one, whose json
      -- serializer would encode the text again.
      payload => ${JSON.stringify(withJobTraceContext(payload ?? {}))}::text::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )).id::text as id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`graphile_worker.add_job returned no job for task ${task}`);
  return { jobId: id };
}
