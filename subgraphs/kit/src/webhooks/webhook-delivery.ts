import type { WebhookDeliveryRow } from '@ionflux/drizzle/kit';
import { readTimestamp, type StoredTimestamp } from '../db/index.ts';
import type { Queryable } from '../jobs/index.ts';

export type { WebhookDeliveryRow } from '@ionflux/drizzle/kit';

/** Reads one stored delivery in the shape drizzle infers for `kit.webhook_deliveries`. */
export async function findWebhookDelivery(
  sql: Queryable,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await sql<StoredDeliveryRow[]>`
    select ${sql.unsafe(DELIVERY_COLUMNS)} from kit.webhook_deliveries where id = ${id}`;
  return row && toWebhookDeliveryRow(row);
}

/** A delivery row as raw SQL returns it: timestamps as `Date` or text, depending on the pool. */
export type StoredDeliveryRow = Omit<WebhookDeliveryRow, 'receivedAt' | 'processedAt'> & {
  receivedAt: StoredTimestamp;
  processedAt: StoredTimestamp | null;
};

/** A delivery row read with {@link DELIVERY_COLUMNS}, its timestamps as `Date`s. */
export function toWebhookDeliveryRow(row: StoredDeliveryRow): WebhookDeliveryRow {
  return { ...row, receivedAt: readTimestamp(row.receivedAt), processedAt: readTimestamp(row.processedAt) };
}

/** The columns of `kit.webhook_deliveries` under the names of {@link WebhookDeliveryRow}. */
export const DELIVERY_COLUMNS = `id, provider, delivery_id as "deliveryId", topic, account_id as "accountId", headers,
  payload, process_task as "processTask", status, attempts, last_error as "lastError",
  received_at as "receivedAt", processed_at as "processedAt"`;
