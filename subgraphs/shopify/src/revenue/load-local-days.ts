import { readTimestamp, type Sql, type StoredTimestamp } from '@ionflux/kit/db';
import type { LocalDay } from './revenue-plan.ts';

/**
 * The local days of `timezone` from the one holding `from` to the one after the one holding `to`, with
 * the instant each starts, as PostgreSQL's time zone rules give them (the same expression keys the day
 * rollups, so the starts match exactly; a midnight a DST change skips resolves to the day's first
 * instant).
 */
export async function loadLocalDays(sql: Sql, timezone: string, from: Date, to: Date): Promise<LocalDay[]> {
  const rows = await sql<{ date: string; start: StoredTimestamp }[]>`
    select d::date::text as date, (d::date::timestamp at time zone ${timezone}) as start
    from generate_series(
      (${from.toISOString()}::timestamptz at time zone ${timezone})::date,
      (${to.toISOString()}::timestamptz at time zone ${timezone})::date + 1,
      interval '1 day') as d
    order by d`;
  return rows.map((row) => ({ date: row.date, start: readTimestamp(row.start) }));
}
