import type postgres from 'postgres';
import type { EnqueueOptions, Queryable } from './job-queue.ts';

/**
 * Adds a job through graphile-worker's `add_job` SQL function, on whatever connection or transaction
 * is given: that is what makes enqueueing transactional with the caller's own writes.
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
      payload => ${sql.json((payload ?? {}) as postgres.JSONValue)}::json,
      -- ISO text, not a Date: the caller's pool may be drizzle's, whose Date serializer is pass-through.
      run_at => ${options.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )).id::text as id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`graphile_worker.add_job returned no job for task ${task}`);
  return { jobId: id };
}
