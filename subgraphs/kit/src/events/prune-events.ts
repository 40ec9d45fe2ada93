import type { Queryable } from './event-bus.ts';

/**
 * Deletes events created before `olderThan` and says how many. The log only has to outlast the longest
 * listener outage worth recovering from; a periodic job calls this.
 */
export async function pruneEvents(sql: Queryable, olderThan: Date): Promise<number> {
  const result = await sql`delete from kit.events where created_at < ${olderThan.toISOString()}::timestamptz`;
  return result.count;
}
