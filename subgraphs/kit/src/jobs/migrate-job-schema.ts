import { runMigrations } from 'graphile-worker';
import postgres from 'postgres';
import type { Logger } from '../logging/index.ts';
import { toGraphileLogger } from './graphile-logger.ts';

// Any constant works; it only has to be the same in every IONFLUX process (and differ from the
// drizzle migration lock, so the two kinds of migration do not wait for each other).
const JOB_SCHEMA_LOCK_ID = 7_244_031_902;

/**
 * Installs or upgrades graphile-worker's schema. Processes that start together take turns under a
 * session advisory lock held on a side connection: graphile-worker copes with concurrent migrators by
 * failing and retrying, which is noisy in the logs and slow. Then {@link planAddJobsPerCall}.
 */
export async function migrateJobSchema(databaseUrl: string, logger: Logger): Promise<void> {
  const lock = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${JOB_SCHEMA_LOCK_ID})`;
    await runMigrations({ connectionString: databaseUrl, logger: toGraphileLogger(logger) });
    await planAddJobsPerCall(lock);
  } finally {
    await lock`select pg_advisory_unlock(${JOB_SCHEMA_LOCK_ID})`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}

/**
 * Makes `graphile_worker.add_jobs` (which `add_job`, every enqueue, calls) plan its statements on each
 * call (`plan_cache_mode = force_custom_plan` on the function). PL/pgSQL keeps a generic plan per
 * session: one made while the job table was small (a new database, or a drained queue) scans the whole
 * table for the job keys, and a session enqueueing many jobs then slows with every job added, about
 * 2.6 ms a call at 27,000 queued jobs instead of an index lookup. Applied after every migration (a new
 * graphile-worker version may replace the function), only when missing.
 */
async function planAddJobsPerCall(sql: postgres.Sql): Promise<void> {
  await sql`
    do $$
    declare fn regprocedure;
    begin
      for fn in
        select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'graphile_worker' and p.proname = 'add_jobs'
          and not ('plan_cache_mode=force_custom_plan' = any(coalesce(p.proconfig, '{}')))
      loop
        execute format('alter function %s set plan_cache_mode = force_custom_plan', fn);
      end loop;
    end $$`;
}
