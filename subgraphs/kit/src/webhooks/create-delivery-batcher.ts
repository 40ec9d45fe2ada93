import type postgres from 'postgres';
import { JOB_TRACE_FIELD, type JobQueue } from '../jobs/index.ts';
import { type Context, context, traceHeaders } from '../tracing/index.ts';
import { type StoredDelivery, storeWebhookDelivery } from './store-webhook-delivery.ts';
import type { WebhookSource, WebhookVerification } from './webhook-source.ts';

export interface DeliveryBatcherOptions {
  sql: postgres.Sql;
  /** Used for a delivery retried alone after its batch failed. */
  queue: JobQueue;
  source: WebhookSource;
  /** Deliveries stored by one transaction at most. @default 100 */
  maxBatch?: number;
  /** Transactions storing batches at once (each holds a connection). @default 4 */
  maxConcurrent?: number;
}

/** Stores one verified delivery; resolves only after the transaction holding it committed. */
export type StoreDelivery = (
  delivery: Extract<WebhookVerification, { ok: true }>,
  headers: Record<string, string>,
) => Promise<StoredDelivery>;

interface Pending {
  delivery: Extract<WebhookVerification, { ok: true }>;
  headers: Record<string, string>;
  /** The request's trace context: its job continues that trace, though a batch stores it later. */
  trace: Context;
  resolve(stored: StoredDelivery): void;
  reject(error: unknown): void;
}

/**
 * Group commit for webhook ingestion: deliveries that arrive while `maxConcurrent` transactions are
 * already storing wait and are stored together by the next one (one multi-row insert, one
 * `graphile_worker.add_jobs` for the rows inserted, one commit). Each caller's promise resolves after
 * that commit, exactly as with {@link storeWebhookDelivery}: a delivery is stored if and only if its job
 * is, duplicates (within a batch or before) enqueue nothing and resolve `duplicate: true`. Under light
 * load a delivery is stored at once, alone; under a burst the cost of a commit (its WAL flush, the
 * queue's NOTIFY) is shared by the batch. A batch that fails is retried one delivery at a time, so one
 * payload the database refuses fails only its own request.
 */
export function createDeliveryBatcher(options: DeliveryBatcherOptions): StoreDelivery {
  const { sql, source } = options;
  const maxBatch = options.maxBatch ?? 100;
  const maxConcurrent = options.maxConcurrent ?? 4;
  const pending: Pending[] = [];
  let running = 0;

  const pump = () => {
    while (running < maxConcurrent && pending.length > 0) {
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
      // One delivery may be what the database refuses (e.g. a \u0000 jsonb will not take): alone, each
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
    const rows = JSON.stringify(
      batch.map((entry, index) => ({
        position: index,
        delivery_id: entry.delivery.deliveryId,
        topic: entry.delivery.topic,
        account_id: entry.delivery.accountId ?? null,
        headers: entry.headers,
        payload: entry.delivery.payload ?? null,
      })),
    );
    return sql.begin(async (tx) => {
      // JSON bound as text and cast from text (see storeWebhookDelivery); rows in batch order, so a
      // delivery repeated within the batch is inserted once, for its first occurrence.
      const inserted = await tx<{ id: string; deliveryId: string }[]>`
        insert into kit.webhook_deliveries (provider, delivery_id, topic, account_id, headers, payload, process_task)
        select ${source.provider}, r.delivery_id, r.topic, r.account_id, r.headers, r.payload, ${source.processTask}
        from jsonb_to_recordset(${rows}::text::jsonb) as r(position int, delivery_id text, topic text,
          account_id text, headers jsonb, payload jsonb)
        order by r.position
        on conflict (provider, delivery_id) do nothing
        returning id, delivery_id as "deliveryId"`;
      if (inserted.length > 0) {
        const traceOf = new Map(batch.map((entry) => [entry.delivery.deliveryId, traceHeaders(entry.trace)]));
        const jobs = JSON.stringify(
          inserted.map((row) => {
            const trace = traceOf.get(row.deliveryId);
            return { id: row.id, trace: trace && 'traceparent' in trace ? trace : null };
          }),
        );
        // The job of each delivery, keyed on its row id as storeWebhookDelivery keys it, with the trace
        // context of its request as enqueueJob adds it.
        await tx`
          select 1 from graphile_worker.add_jobs(array(
            select row(${source.processTask},
              case when j.trace is null then json_build_object('deliveryId', j.id)
                else json_build_object('deliveryId', j.id, ${JOB_TRACE_FIELD}::text, j.trace) end,
              null, null, null, j.id, null, null)::graphile_worker.job_spec
            from jsonb_to_recordset(${jobs}::text::jsonb) as j(id text, trace json)
          ))`;
      }
      const fresh = new Map(inserted.map((row) => [row.deliveryId, row.id]));
      const missing = batch.map((entry) => entry.delivery.deliveryId).filter((id) => !fresh.has(id));
      const existing = new Map<string, string>();
      if (missing.length > 0) {
        const found = await tx<{ id: string; deliveryId: string }[]>`
          select id, delivery_id as "deliveryId" from kit.webhook_deliveries
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
        if (!existingId)
          throw new Error('a conflicting webhook delivery vanished while storing its duplicate');
        return { id: existingId, duplicate: true };
      });
    });
  }

  return (delivery, headers) =>
    new Promise<StoredDelivery>((resolve, reject) => {
      pending.push({ delivery, headers, trace: context.active(), resolve, reject });
      pump();
    });
}
