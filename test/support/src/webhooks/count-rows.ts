import type postgres from 'postgres';

/** How many deliveries and queued jobs the database holds: what a refused delivery must not change. */
export async function countStored(sql: postgres.Sql): Promise<{ deliveries: number; jobs: number }> {
  const [row] = await sql<{ deliveries: number; jobs: number }[]>`
    select (select count(*)::int from kit.webhook_deliveries) as deliveries,
      (select count(*)::int from graphile_worker.jobs) as jobs`;
  return row ?? { deliveries: 0, jobs: 0 };
}
