import type { Queryable } from '../jobs/index.ts';

/** Rows deleted by one statement: a long burst's backlog is pruned in short transactions. */
const CHUNK = 5000;

/**
 * Deletes the deliveries applied (`PROCESSED`) before `receivedBefore`, a chunk at a time; returns how
 * many. Deliveries not applied (`RECEIVED`, `PROCESSING`, `FAILED`, `DEAD`) are kept whatever their age:
 * they are work or dead letters waiting for a replay. Past retention a redelivery of a pruned delivery
 * would be stored again, so keep them longer than any provider redelivers (days, not hours).
 */
export async function pruneWebhookDeliveries(sql: Queryable, receivedBefore: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await sql`
      delete from kit.webhook_deliveries where id in (
        select id from kit.webhook_deliveries
        where status = 'PROCESSED' and received_at < ${receivedBefore.toISOString()}::timestamptz
        limit ${CHUNK})`;
    deleted += result.count;
    if (result.count < CHUNK) return deleted;
  }
}
