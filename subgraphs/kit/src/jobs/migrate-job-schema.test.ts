import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { silentLogger } from '@ionflux/testing/jobs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateJobSchema } from './migrate-job-schema.ts';

describe('migrateJobSchema', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateJobSchema(database.url, silentLogger());
    sql = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const addJobs = (keys: string[]) => sql`
    select count(*)::int as n from graphile_worker.add_jobs(array(
      select row('migrate-test.task', '{}'::json, null, null, null, k, null, null)::graphile_worker.job_spec
      from unnest(${keys}::text[]) as k))`;
  const seqScansOfJobs = async () => {
    // This session's counts, flushed now rather than within a second.
    await sql`select pg_stat_force_next_flush()`;
    const [row] = await sql<{ n: number }[]>`
      select coalesce(seq_scan, 0)::int as n from pg_stat_user_tables
      where schemaname = 'graphile_worker' and relname = '_private_jobs'`;
    return row?.n ?? 0;
  };

  it('makes add_jobs plan per call, so a session that began on a small queue does not scan a large one', async () => {
    const [fn] = await sql<{ config: string[] | null }[]>`
      select p.proconfig as config from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'graphile_worker' and p.proname = 'add_jobs'`;
    expect(fn?.config).toContain('plan_cache_mode=force_custom_plan');

    // Enough calls on an empty queue for PL/pgSQL to settle on a generic plan, then a large backlog.
    for (let call = 0; call < 8; call++) await addJobs([`small-${call}`]);
    await addJobs(Array.from({ length: 5000 }, (_, index) => `backlog-${index}`));
    const before = await seqScansOfJobs();
    for (let call = 0; call < 10; call++) await addJobs([`large-${call}-a`, `large-${call}-b`]);
    expect((await seqScansOfJobs()) - before).toBe(0);
  });

  it('applies the setting once: a second migration leaves the function as it is', async () => {
    const version = async () => {
      const [row] = await sql<{ xmin: string }[]>`
        select p.xmin::text as xmin from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'graphile_worker' and p.proname = 'add_jobs'`;
      return row?.xmin;
    };
    const first = await version();
    await migrateJobSchema(database.url, silentLogger());
    expect(await version()).toBe(first);
  });
});
