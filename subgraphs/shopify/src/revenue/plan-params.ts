import type { Sql } from '@ionflux/kit/db';
import { pgArray } from '../mirror/index.ts';
import type { RevenuePlan } from './revenue-plan.ts';

/**
 * The plan's pieces as the SQL fragments `days`, `hours` and `ranges` (tables of instants and bucket
 * indexes) that the revenue queries join rollups and orders with.
 */
export function planPieces(sql: Sql, plan: RevenuePlan) {
  const iso = (date: Date) => date.toISOString();
  return sql`
    days as (
      select * from unnest(${pgArray(plan.days.map((d) => iso(d.start)))}::timestamptz[],
        ${pgArray(plan.days.map((d) => d.bucket))}::int[]) as d(start, bucket)
    ), hours as (
      select * from unnest(${pgArray(plan.hours.map((h) => iso(h.start)))}::timestamptz[],
        ${pgArray(plan.hours.map((h) => h.bucket))}::int[]) as h(start, bucket)
    ), ranges as (
      select * from unnest(${pgArray(plan.ranges.map((r) => iso(r.from)))}::timestamptz[],
        ${pgArray(plan.ranges.map((r) => iso(r.to)))}::timestamptz[],
        ${pgArray(plan.ranges.map((r) => r.bucket))}::int[]) as r(range_from, range_to, bucket)
    )`;
}
