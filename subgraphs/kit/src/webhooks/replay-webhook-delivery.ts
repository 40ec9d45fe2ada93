import type postgres from 'postgres';
import { z } from 'zod';
import type { JobQueue } from '../jobs/index.ts';

export type ReplayWebhookResult =
  | { ok: true }
  | {
      ok: false;
      /**
       * `not_found`: no delivery has this id. `in_progress`: a worker is applying it right now.
       * `no_process_task`: the row predates the column naming its task, so nothing knows how to apply it.
       */
      reason: 'not_found' | 'in_progress' | 'no_process_task';
    };

/**
 * Applies a stored delivery again, whatever its status (`DEAD` after its retries ran out, or
 * `PROCESSED` after a fix to its task): resets it to `RECEIVED` with fresh attempts and enqueues its
 * processing job, in one transaction. Refused while a worker is applying it.
 */
export async function replayWebhookDelivery(
  sql: postgres.Sql,
  queue: JobQueue,
  id: string,
): Promise<ReplayWebhookResult> {
  if (!z.uuid().safeParse(id).success) return { ok: false, reason: 'not_found' };
  return sql.begin(async (tx): Promise<ReplayWebhookResult> => {
    const [delivery] = await tx<{ processTask: string | null }[]>`
      select process_task as "processTask" from kit.webhook_deliveries where id = ${id} for update`;
    if (!delivery) return { ok: false, reason: 'not_found' };
    if (!delivery.processTask) return { ok: false, reason: 'no_process_task' };
    // The processing job is keyed on the delivery id; a locked one is running now.
    const [running] =
      await tx`select 1 from graphile_worker.jobs where key = ${id} and locked_by is not null`;
    if (running) return { ok: false, reason: 'in_progress' };
    await tx`
      update kit.webhook_deliveries set status = 'RECEIVED', attempts = 0, processed_at = null
      where id = ${id}`;
    await queue.enqueue(delivery.processTask, { deliveryId: id }, { jobKey: id, tx });
    return { ok: true };
  });
}
