import type { WebhookDeliveryRow } from '@ionflux/drizzle/kit';
import type { Queryable } from '../jobs/index.ts';

export type { WebhookDeliveryRow } from '@ionflux/drizzle/kit';

/** Reads one stored delivery in the shape drizzle infers for `kit.webhook_deliveries`. */
export async function findWebhookDelivery(
  sql: Queryable,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await sql<WebhookDeliveryRow[]>`
    select ${sql.unsafe(DELIVERY_COLUMNS)} from kit.webhook_deliveries where id = ${id}`;
  return row;
}

/** The columns of `kit.webhook_deliveries` under the names of {@link WebhookDeliveryRow}. */
export const DELIVERY_COLUMNS = `id, provider, delivery_id as "deliveryId", topic, account_id as "accountId", headers,
  payload, process_task as "processTask", status, attempts, last_error as "lastError",
  received_at as "receivedAt", processed_at as "processedAt"`;
