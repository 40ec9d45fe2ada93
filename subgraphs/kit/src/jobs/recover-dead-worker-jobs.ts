import type { Queryable } from './job-queue.ts';
import { PRESENCE_PREFIX } from './worker-presence.ts';

export interface RecoveredJobs {
  /** Pools that held locks but have no presence session: dead. */
  deadPools: string[];
  /** Jobs unlocked, now free for any worker to run again. */
  jobs: { id: string; task: string }[];
}

/**
 * Unlocks the jobs of worker pools that are no longer alive, so they run again now rather than after
 * graphile-worker's hard-coded 4-hour lock expiry.
 *
 * The rule: a lock is stale when the pool that holds it (`locked_by` is the pool id) has no presence
 * session in `pg_stat_activity` (see `openWorkerPresence`). A pool opens its presence before it may
 * take a job, and keeps it until it has stopped, so a live pool's locks are never touched. Pools are
 * never revived (ids are random), so reading the dead set and unlocking it need no lock between them.
 * It assumes every worker on this database runs through `startJobWorker`: a graphile-worker started
 * another way has no presence and would lose its locks.
 */
export async function recoverDeadWorkerJobs(sql: Queryable): Promise<RecoveredJobs> {
  const rows = await sql<{ id: string; task: string; pool: string }[]>`
    select jobs.id::text as id, jobs.task_identifier as task, jobs.locked_by as pool
    from graphile_worker.jobs as jobs
    where jobs.locked_by is not null
      and not exists (
        select 1 from pg_stat_activity as activity
        where activity.datname = current_database()
          and activity.application_name = ${PRESENCE_PREFIX} || jobs.locked_by
      )`;
  const deadPools = [...new Set(rows.map((row) => row.pool))];
  if (deadPools.length > 0)
    await sql`select graphile_worker.force_unlock_workers(${sql.array(deadPools)}::text[])`;
  return { deadPools, jobs: rows.map(({ id, task }) => ({ id, task })) };
}

/** Unlocks every job and queue a pool holds: for the pool itself once it has stopped. */
export async function releaseWorkerLocks(sql: Queryable, poolId: string): Promise<void> {
  await sql`select graphile_worker.force_unlock_workers(${sql.array([poolId])}::text[])`;
}
