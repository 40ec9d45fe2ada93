import { createLogger, type Logger } from '@ionflux/kit/logging';
import postgres from 'postgres';

/** A logger that writes nothing, for tests that do not look at logs. */
export function silentLogger(): Logger {
  return createLogger({ service: 'test', level: 'silent' });
}

/** A row of graphile-worker's public `jobs` view, as tests inspect it. */
export interface QueuedJob {
  id: string;
  task: string;
  payload: unknown;
  key: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
  runAt: Date;
}

/** Reads the queue's jobs, oldest first, on a short-lived connection. */
export async function listQueuedJobs(databaseUrl: string, task?: string): Promise<QueuedJob[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<QueuedJob[]>`
      select id::text as id, task_identifier as task, key, attempts, max_attempts as "maxAttempts",
        last_error as "lastError", locked_by as "lockedBy", run_at as "runAt",
        (select payload from graphile_worker._private_jobs as p where p.id = jobs.id) as payload
      from graphile_worker.jobs as jobs
      where ${task ?? null}::text is null or task_identifier = ${task ?? null}
      order by id`;
  } finally {
    await sql.end();
  }
}

/** Makes every pending job of `task` due now, skipping the exponential backoff a test has observed. */
export async function makeJobsDue(databaseUrl: string, task: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`
      update graphile_worker._private_jobs set run_at = now()
      where task_id = (select id from graphile_worker._private_tasks where identifier = ${task})`;
  } finally {
    await sql.end();
  }
}
