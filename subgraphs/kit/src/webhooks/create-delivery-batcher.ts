import type postgres from 'postgres';
import { JOB_TRACE_FIELD, type JobQueue, jobTaskId } from '../jobs/index.ts';
import { type Context, context, traceHeaders } from '../tracing/index.ts';
import {
  type StorableDelivery,
  type StoredDelivery,
  storeWebhookDelivery,
} from './store-webhook-delivery.ts';
import type { WebhookSource } from './webhook-source.ts';

export interface DeliveryBatcherOptions {
  sql: postgres.Sql;
  /** Used for a delivery retried alone after its batch failed. */
  queue: JobQueue;
  source: WebhookSource;
  /** Deliveries stored by one transaction at most. @default 100 */
  maxBatch?: number;
  /** Batches being stored at once (each holds a connection). @default 2 */
  maxConcurrent?: number;
  /**
   * Deliveries that must be waiting before a batch starts while another is still storing; fewer wait
   * for that one's commit and go together in the next. On the 2-core reference machine (the webhook
   * ingest benchmark, 32 in flight through the gateway, variants alternating in one run) 16 gave the
   * most deliveries a second: ~2,170 against ~1,880 one batch at a time and ~2,090 with 8 (about 11
   * deliveries a commit against 14; smaller batches spend the database's CPU on commits). @default 16
   */
  minBatchAlongside?: number;
}

/** Stores one verified delivery; resolves only after the transaction holding it committed. */
export type StoreDelivery = (
  delivery: StorableDelivery,
  headers: Record<string, string>,
) => Promise<StoredDelivery>;

interface Pending {
  delivery: StorableDelivery;
  headers: Record<string, string>;
  /** The request's trace context: its job continues that trace, though a batch stores it later. */
  trace: Context;
  resolve(stored: StoredDelivery): void;
  reject(error: unknown): void;
}

/**
 * Group commit for webhook ingestion: deliveries that arrive while a transaction is storing wait and are
 * stored together by the next one (one multi-row insert of the deliveries, one of the jobs of those
 * inserted, one commit). Each caller's promise resolves after that commit, exactly as with
 * {@link storeWebhookDelivery}: a delivery is stored if and only if its job is, duplicates (within a
 * batch or before) enqueue nothing and resolve `duplicate: true`. Under light load a delivery is stored
 * at once, alone; under a burst the cost of a commit (its WAL flush, the queue's NOTIFY) is shared by the
 * batch. Once `minBatchAlongside` are waiting, they start a batch alongside the one storing (up to
 * `maxConcurrent`): the database then works on one while the other's WAL is flushed and its answers
 * travel back, where one batch at a time leaves it idle; fewer waiting would make a small batch that
 * costs a commit for little. A batch that fails is retried one delivery at a time, so one payload the
 * store refuses fails only its own request.
 */
export function createDeliveryBatcher(options: DeliveryBatcherOptions): StoreDelivery {
  const { sql, source } = options;
  const maxBatch = options.maxBatch ?? 100;
  const maxConcurrent = options.maxConcurrent ?? 2;
  const minBatchAlongside = options.minBatchAlongside ?? 16;
  const pending: Pending[] = [];
  let running = 0;
  let taskId: Promise<number> | undefined;
  const processTaskId = () => {
    taskId ??= jobTaskId(sql, source.processTask).catch((error: unknown) => {
      taskId = undefined;
      throw error;
    });
    return taskId;
  };

  const pump = () => {
    while (
      pending.length > 0 &&
      (running === 0 || (running < maxConcurrent && pending.length >= minBatchAlongside))
    ) {
      const batch = pending.splice(0, maxBatch);
      running++;
      void storeBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  };

  async function storeBatch(batch: Pending[]): Promise<void> {
    try {
      const stored = await insertBatch(batch);
      for (const [index, entry] of batch.entries()) entry.resolve(stored[index] as StoredDelivery);
    } catch {
      // One delivery may hold what PostgreSQL refuses (a header jsonb cannot hold, say): alone, each
      // fails or succeeds on its own.
      await Promise.all(
        batch.map((entry) =>
          context
            .with(entry.trace, () =>
              storeWebhookDelivery({
                sql,
                queue: options.queue,
                source,
                delivery: entry.delivery,
                headers: entry.headers,
              }),
            )
            .then(entry.resolve, entry.reject),
        ),
      );
    }
  }

  async function insertBatch(batch: Pending[]): Promise<StoredDelivery[]> {
    // What describes each delivery, as one small JSON array; each payload's JSON text as a parameter of its
    // own, as it is (usually the body as sent), not serialised again nor wrapped in the array: PostgreSQL
    // then reads it once (its json input), not three times as a field of a large document, and the
    // JavaScript side builds no string of the whole batch.
    const described = JSON.stringify(
      batch.map((entry, index) => {
        const trace = traceHeaders(entry.trace);
        return {
          position: index,
          delivery_id: entry.delivery.deliveryId,
          topic: entry.delivery.topic,
          account_id: entry.delivery.accountId ?? null,
          headers: entry.headers,
          trace: 'traceparent' in trace ? trace : null,
        };
      }),
    );
    const payloads = batch.map((_, index) => `(${index}, $${index + 5}::text::json)`).join(', ');
    // One statement, so one round trip and its own transaction: the rows are inserted in batch order (a
    // delivery repeated within the batch is inserted once, for its first occurrence) and the job of each
    // inserted row is added with it — keyed on the row id as storeWebhookDelivery keys it, with the trace
    // context of its request as enqueueJob adds it — and workers are woken as graphile_worker.add_jobs
    // wakes them (`woken` is part of the answer, so the jobs are added whenever a row is). The jobs go
    // straight into graphile-worker's job table (see jobTaskId): add_jobs costs the database about 0.65 ms
    // a call in PL/pgSQL and in planning its statements (see migrateJobSchema) — a batch of 15 costs about
    // 4.4 ms of its CPU with it, 3.4 ms without — for what these keys never need (no job can hold a row's
    // id before the row exists). JSON is bound as text and cast from text (see storeWebhookDelivery).
    // Prepared once per batch size and connection.
    const inserted = await sql.unsafe<{ id: string; deliveryId: string }[]>(
      `
      with described as (
        select * from json_to_recordset($4::text::json) as r(position int, delivery_id text, topic text,
          account_id text, headers jsonb, trace jsonb)
      ),
      payloads (position, payload) as (values ${payloads}),
      batch as (select d.*, p.payload from described d join payloads p using (position)),
      inserted as (
        insert into kit.webhook_deliveries (provider, delivery_id, topic, account_id, headers, payload, process_task)
        select $1::text, b.delivery_id, b.topic, b.account_id, b.headers, b.payload, $2::text
        from batch b
        order by b.position
        on conflict (provider, delivery_id) do nothing
        returning id, delivery_id
      ),
      jobs as (
        insert into graphile_worker._private_jobs (task_id, payload, key)
        select $${batch.length + 5}::int,
          case when b.trace is null then json_build_object('deliveryId', i.id)
            else json_build_object('deliveryId', i.id, $3::text, b.trace) end,
          i.id::text
        from inserted i
        join lateral (
          select trace from described b where b.delivery_id = i.delivery_id order by position limit 1
        ) b on true
        returning 1
      ),
      woken as (
        select pg_notify('jobs:insert', json_build_object('r', random(), 'count', count(*))::text)
        from jobs having count(*) > 0
      )
      select i.id::text as id, i.delivery_id as "deliveryId" from inserted i cross join woken`,
      [
        source.provider,
        source.processTask,
        JOB_TRACE_FIELD,
        described,
        ...batch.map((entry) => entry.delivery.payloadJson),
        await processTaskId(),
      ],
      { prepare: true },
    );
    const fresh = new Map(inserted.map((row) => [row.deliveryId, row.id]));
    // Deliveries stored before (a retry, or another process storing the same one just now) are read
    // after that statement: rare, so the usual batch is one round trip.
    const existing = new Map<string, string>();
    const missing = batch.map((entry) => entry.delivery.deliveryId).filter((id) => !fresh.has(id));
    if (missing.length > 0) {
      const found = await sql<{ id: string; deliveryId: string }[]>`
        select id::text as id, delivery_id as "deliveryId" from kit.webhook_deliveries
        where provider = ${source.provider}
          and delivery_id in (select jsonb_array_elements_text(${JSON.stringify(missing)}::text::jsonb))`;
      for (const row of found) existing.set(row.deliveryId, row.id);
    }
    const claimed = new Set<string>();
    return batch.map((entry): StoredDelivery => {
      const id = entry.delivery.deliveryId;
      const freshId = fresh.get(id);
      if (freshId && !claimed.has(id)) {
        claimed.add(id);
        return { id: freshId, duplicate: false };
      }
      const existingId = freshId ?? existing.get(id);
      if (!existingId) throw new Error('a conflicting webhook delivery vanished while storing its duplicate');
      return { id: existingId, duplicate: true };
    });
  }

  return (delivery, headers) =>
    new Promise<StoredDelivery>((resolve, reject) => {
      pending.push({ delivery, headers, trace: context.active(), resolve, reject });
      pump();
    });
}
