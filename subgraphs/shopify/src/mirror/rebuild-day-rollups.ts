import type { MirrorTx } from './mirror-target.ts';

/**
 * Recomputes a connection's day rollups from its mirrored orders with days of `timezone`, and records
 * that timezone on the shop row (whose lock the caller holds). Hour rollups are UTC and stay.
 */
export async function rebuildDayRollups(tx: MirrorTx, connectionId: string, timezone: string): Promise<void> {
  await tx`delete from shopify.order_rollups where connection_id = ${connectionId} and grain = 'day'`;
  await tx`delete from shopify.product_rollups where connection_id = ${connectionId} and grain = 'day'`;
  const day = () => tx`((o.created_at at time zone ${timezone})::date::timestamp at time zone ${timezone})`;
  await tx`
    insert into shopify.order_rollups
      (connection_id, grain, bucket_start, order_count, total_sales, gross_sales, refunds)
    select ${connectionId}, 'day', ${day()}, count(*), sum(o.current_total_price), sum(o.total_price),
      sum(o.total_refunded)
    from shopify.orders as o
    where o.connection_id = ${connectionId} and not o.test and o.cancelled_at is null
    group by 3`;
  await tx`
    insert into shopify.product_rollups (connection_id, grain, bucket_start, product_id, quantity, sales)
    select ${connectionId}, 'day', ${day()}, line ->> 'productId', sum((line ->> 'quantity')::bigint),
      sum((line ->> 'price')::numeric * (line ->> 'quantity')::numeric - (line ->> 'totalDiscount')::numeric)
    from shopify.orders as o, jsonb_array_elements(o.line_items) as line
    where o.connection_id = ${connectionId} and not o.test and o.cancelled_at is null
      and line ->> 'productId' is not null
    group by 3, 4`;
  await tx`update shopify.shops set rollup_timezone = ${timezone} where connection_id = ${connectionId}`;
}

/**
 * Recomputes every rollup of a connection (local days of `timezone` and UTC hours) from its mirrored
 * orders: for a mirror loaded or repaired outside the apply path (a bulk import, a data fix).
 */
export async function rebuildRollups(tx: MirrorTx, connectionId: string, timezone: string): Promise<void> {
  await rebuildDayRollups(tx, connectionId, timezone);
  await tx`delete from shopify.order_rollups where connection_id = ${connectionId} and grain = 'hour'`;
  await tx`delete from shopify.product_rollups where connection_id = ${connectionId} and grain = 'hour'`;
  await tx`
    insert into shopify.order_rollups
      (connection_id, grain, bucket_start, order_count, total_sales, gross_sales, refunds)
    select ${connectionId}, 'hour', date_trunc('hour', o.created_at, 'UTC'), count(*), sum(o.current_total_price),
      sum(o.total_price), sum(o.total_refunded)
    from shopify.orders as o
    where o.connection_id = ${connectionId} and not o.test and o.cancelled_at is null
    group by 3`;
  await tx`
    insert into shopify.product_rollups (connection_id, grain, bucket_start, product_id, quantity, sales)
    select ${connectionId}, 'hour', date_trunc('hour', o.created_at, 'UTC'), line ->> 'productId',
      sum((line ->> 'quantity')::bigint),
      sum((line ->> 'price')::numeric * (line ->> 'quantity')::numeric - (line ->> 'totalDiscount')::numeric)
    from shopify.orders as o, jsonb_array_elements(o.line_items) as line
    where o.connection_id = ${connectionId} and not o.test and o.cancelled_at is null
      and line ->> 'productId' is not null
    group by 3, 4`;
}
