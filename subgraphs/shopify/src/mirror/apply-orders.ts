import { readTimestamp, type StoredTimestamp } from '@ionflux/kit/db';
import type { MirrorOrder, ObservedAt } from './mirror-records.ts';
import { isNewer, lockRecords, type MirrorTarget, type MirrorTx, rollupTimezoneOf } from './mirror-target.ts';
import { pgArray } from './pg-array.ts';
import { updateOrderRollups } from './update-order-rollups.ts';

/** What the mirror held of an order before a newer version replaced it (what events are diffed from). */
export interface StoredOrderState {
  financialStatus: string | null;
  fulfillmentStatus: string;
  refundIds: string[];
}

/** One order version taken into the mirror, with the state it replaced (none: the order is new). */
export interface AppliedOrder {
  before: StoredOrderState | null;
  after: MirrorOrder;
}

interface StoredRow {
  orderId: string;
  updatedAt: StoredTimestamp;
  observedAt: StoredTimestamp;
  financialStatus: string | null;
  fulfillmentStatus: string;
  refundIds: string[];
}

/**
 * Applies order versions seen at `observedAt` to a connection's mirror inside `tx`: each is taken only if
 * newer than the stored row by (`updated_at`, observation), so duplicates, replays and out-of-order deliveries change
 * nothing, and the rollups move by the difference between the old and the new contribution. Returns
 * the versions taken, with what they replaced.
 */
export async function applyOrders(
  tx: MirrorTx,
  target: MirrorTarget,
  orders: readonly MirrorOrder[],
  observedAt: ObservedAt,
): Promise<AppliedOrder[]> {
  const latest = new Map<string, MirrorOrder>();
  for (const order of orders) {
    const seen = latest.get(order.orderId);
    if (!seen || order.updatedAt > seen.updatedAt) latest.set(order.orderId, order);
  }
  if (latest.size === 0) return [];
  const ids = [...latest.keys()];
  const timezone = await rollupTimezoneOf(tx, target);
  await lockRecords(tx, target.connectionId, ids);
  const stored = await tx<StoredRow[]>`
    select order_id as "orderId", updated_at as "updatedAt", observed_at as "observedAt",
      financial_status as "financialStatus", fulfillment_status as "fulfillmentStatus",
      refund_ids as "refundIds"
    from shopify.orders
    where connection_id = ${target.connectionId} and order_id = any(${pgArray(ids)}::text[])`;
  const byId = new Map(stored.map((row) => [row.orderId, row]));
  const applied: AppliedOrder[] = [];
  for (const order of latest.values()) {
    const row = byId.get(order.orderId);
    const current = row && {
      updatedAt: readTimestamp(row.updatedAt),
      observedAt: readTimestamp(row.observedAt),
    };
    if (!isNewer({ updatedAt: order.updatedAt, observedAt }, current)) continue;
    applied.push({
      before: row
        ? {
            financialStatus: row.financialStatus,
            fulfillmentStatus: row.fulfillmentStatus,
            refundIds: row.refundIds,
          }
        : null,
      after: order,
    });
  }
  if (applied.length === 0) return [];
  const json = JSON.stringify(applied.map(({ after }) => toRecord(after, observedAt)));
  // The rollups read the stored (old) rows, so they move before the rows are replaced.
  await updateOrderRollups(tx, target.connectionId, timezone, json);
  await tx`
    insert into shopify.orders (
      connection_id, order_id, workspace_id, name, created_at, updated_at, observed_at, processed_at,
      cancelled_at, test, financial_status, fulfillment_status, currency, presentment_currency,
      total_price, current_total_price, total_refunded, refunds_estimated, subtotal_price, total_tax,
      total_discounts, total_shipping, presentment_total_price, presentment_current_total_price,
      presentment_total_refunded, refund_ids, line_items, mirrored_at)
    select ${target.connectionId}, i.order_id, ${target.workspaceId}, i.name, i.created_at, i.updated_at,
      i.observed_at, i.processed_at, i.cancelled_at, i.test, i.financial_status, i.fulfillment_status,
      i.currency, i.presentment_currency, i.total_price, i.current_total_price, i.total_refunded,
      i.refunds_estimated, i.subtotal_price, i.total_tax, i.total_discounts, i.total_shipping,
      i.presentment_total_price, i.presentment_current_total_price, i.presentment_total_refunded,
      array(select jsonb_array_elements_text(i.refund_ids)), i.line_items, now()
    from jsonb_to_recordset(${json}::text::jsonb) as i(
      order_id text, name text, created_at timestamptz, updated_at timestamptz, observed_at timestamptz,
      processed_at timestamptz, cancelled_at timestamptz, test boolean, financial_status text,
      fulfillment_status text, currency text, presentment_currency text, total_price numeric,
      current_total_price numeric, total_refunded numeric, refunds_estimated boolean,
      subtotal_price numeric, total_tax numeric, total_discounts numeric, total_shipping numeric,
      presentment_total_price numeric, presentment_current_total_price numeric,
      presentment_total_refunded numeric, refund_ids jsonb, line_items jsonb)
    order by i.order_id
    on conflict (connection_id, order_id) do update set
      name = excluded.name, created_at = excluded.created_at, updated_at = excluded.updated_at,
      observed_at = excluded.observed_at, processed_at = excluded.processed_at,
      cancelled_at = excluded.cancelled_at, test = excluded.test,
      financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status,
      currency = excluded.currency, presentment_currency = excluded.presentment_currency,
      total_price = excluded.total_price, current_total_price = excluded.current_total_price,
      total_refunded = excluded.total_refunded, refunds_estimated = excluded.refunds_estimated,
      subtotal_price = excluded.subtotal_price, total_tax = excluded.total_tax,
      total_discounts = excluded.total_discounts, total_shipping = excluded.total_shipping,
      presentment_total_price = excluded.presentment_total_price,
      presentment_current_total_price = excluded.presentment_current_total_price,
      presentment_total_refunded = excluded.presentment_total_refunded,
      refund_ids = excluded.refund_ids, line_items = excluded.line_items, mirrored_at = now()`;
  return applied;
}

/** The row as JSON for `jsonb_to_recordset` (timestamps as ISO text, amounts as decimal strings). */
function toRecord(order: MirrorOrder, observedAt: ObservedAt) {
  return {
    order_id: order.orderId,
    name: order.name,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    observed_at: observedAt.toISOString(),
    processed_at: order.processedAt?.toISOString() ?? null,
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    test: order.test,
    counted: !order.test && order.cancelledAt === null,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    currency: order.currency,
    presentment_currency: order.presentmentCurrency,
    total_price: order.totalPrice,
    current_total_price: order.currentTotalPrice,
    total_refunded: order.totalRefunded,
    refunds_estimated: order.refundsEstimated,
    subtotal_price: order.subtotalPrice,
    total_tax: order.totalTax,
    total_discounts: order.totalDiscounts,
    total_shipping: order.totalShipping,
    presentment_total_price: order.presentmentTotalPrice,
    presentment_current_total_price: order.presentmentCurrentTotalPrice,
    presentment_total_refunded: order.presentmentTotalRefunded,
    refund_ids: order.refundIds,
    line_items: order.lineItems,
  };
}
