import type postgres from 'postgres';

/**
 * graphile-worker's id of a task, its row in `graphile_worker._private_tasks` added when missing (as
 * `graphile_worker.add_jobs` adds it). For a hot path that inserts its jobs into `_private_jobs` in its
 * own statement (the webhook batcher): graphile-worker 0.18's schema, the version pinned in package.json.
 */
export async function jobTaskId(sql: postgres.Sql, task: string): Promise<number> {
  await sql`insert into graphile_worker._private_tasks (identifier) values (${task}) on conflict do nothing`;
  const [row] = await sql<{ id: number }[]>`
    select id from graphile_worker._private_tasks where identifier = ${task}`;
  if (!row) throw new Error(`graphile-worker has no task ${task} after adding it`);
  return row.id;
}
