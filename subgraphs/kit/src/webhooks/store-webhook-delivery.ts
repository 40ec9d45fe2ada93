import type postgres from 'postgres';
import type { JobQueue } from '../jobs/index.ts';
import { storedPayloadJson } from './stored-payload-json.ts';
import type { WebhookSource, WebhookVerification } from './webhook-source.ts';

/** A verified delivery as it is stored: its payload as the JSON text the store keeps. */
export interface StorableDelivery {
  deliveryId: string;
  topic: string;
  accountId?: string | undefined;
  payloadJson: string;
}

/**
 * What is stored of a verified delivery, its payload's text chosen at once (see {@link storedPayloadJson},
 * which refuses an unstorable one): the parsed payload is not held while the delivery waits for its
 * commit, so it dies young instead of being copied and promoted by the garbage collections meanwhile.
 */
export function storableDelivery(delivery: Extract<WebhookVerification, { ok: true }>): StorableDelivery {
  return {
    deliveryId: delivery.deliveryId,
    topic: delivery.topic,
    accountId: delivery.accountId,
    payloadJson: storedPayloadJson(delivery),
  };
}

export interface StoredDelivery {
  /** The row id in `kit.webhook_deliveries` (also the processing job's key). */
  id: string;
  /** True when this provider delivery id was stored before: nothing new was enqueued. */
  duplicate: boolean;
}

/**
 * In one transaction: inserts the delivery unless the provider's delivery id is already stored, and
 * enqueues its processing job only when it was inserted. So a delivery is stored if and only if its
 * job exists, and a redelivery is processed once.
 */
export async function storeWebhookDelivery(deps: {
  sql: postgres.Sql;
  queue: JobQueue;
  source: WebhookSource;
  delivery: StorableDelivery;
  headers: Record<string, string>;
}): Promise<StoredDelivery> {
  const { sql, queue, source, delivery } = deps;
  // JSON bound as text and cast from text, not tx.json(): on a drizzle-wrapped pool the json serializer is
  // pass-through, on a plain one a bare ::jsonb cast would encode the text again.
  return sql.begin(async (tx) => {
    const [inserted] = await tx<{ id: string }[]>`
      insert into kit.webhook_deliveries
        (provider, delivery_id, topic, account_id, headers, payload, process_task)
      values (${source.provider}, ${delivery.deliveryId}, ${delivery.topic}, ${delivery.accountId ?? null},
        ${JSON.stringify(deps.headers)}::text::jsonb, ${delivery.payloadJson}::text::json,
        ${source.processTask})
      on conflict (provider, delivery_id) do nothing
      returning id`;
    if (inserted) {
      await queue.enqueue(source.processTask, { deliveryId: inserted.id }, { jobKey: inserted.id, tx });
      return { id: inserted.id, duplicate: false };
    }
    const [existing] = await tx<{ id: string }[]>`
      select id from kit.webhook_deliveries
      where provider = ${source.provider} and delivery_id = ${delivery.deliveryId}`;
    if (!existing) throw new Error('a conflicting webhook delivery vanished while storing its duplicate');
    return { id: existing.id, duplicate: true };
  });
}
