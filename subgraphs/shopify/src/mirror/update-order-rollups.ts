import type { MirrorTx } from './mirror-target.ts';

/**
 * Moves a connection's rollups by the orders about to be written (`json`, the rows as
 * `jsonb_to_recordset` reads them): each counted new version adds, each counted stored version it
 * replaces subtracts, in the bucket of the order's creation (a local day in `timezone`, and a UTC hour).
 * Rows are upserted in key order, so concurrent writers never deadlock on them. The stored versions are
 * found by primary key (`= any` of the incoming ids): joined with the incoming rows instead (estimated at
 * 100, as any set-returning function), a store of 5,000 orders was scanned whole, twice an apply (10 ms
 * each); the planner turned to the index only at a larger size (it had at 200,000).
 */
export async function updateOrderRollups(
  tx: MirrorTx,
  connectionId: string,
  timezone: string,
  json: string,
): Promise<void> {
  // A fragment per statement: each statement computes the same changes from the same stored rows.
  const changes = () => tx`
    with incoming as (
      select * from jsonb_to_recordset(${json}::text::jsonb) as i(
        order_id text, created_at timestamptz, counted boolean, current_total_price numeric,
        total_price numeric, total_refunded numeric, line_items jsonb)
    ), changes as (
      select 1 as sign, created_at, current_total_price, total_price, total_refunded, line_items
      from incoming where counted
      union all
      select -1, o.created_at, o.current_total_price, o.total_price, o.total_refunded, o.line_items
      from shopify.orders as o
      where o.connection_id = ${connectionId} and o.order_id = any(array(select order_id from incoming))
        and not o.test and o.cancelled_at is null
    ), keyed as (
      select 'day'::shopify.rollup_grain as grain,
        ((c.created_at at time zone ${timezone})::date::timestamp at time zone ${timezone}) as bucket_start, c.*
      from changes as c
      union all
      select 'hour'::shopify.rollup_grain, date_trunc('hour', c.created_at, 'UTC'), c.* from changes as c
    )`;
  await tx`
    ${changes()}
    insert into shopify.order_rollups as r
      (connection_id, grain, bucket_start, order_count, total_sales, gross_sales, refunds)
    select ${connectionId}, grain, bucket_start, sum(sign), sum(sign * current_total_price),
      sum(sign * total_price), sum(sign * total_refunded)
    from keyed
    group by grain, bucket_start
    having sum(sign) <> 0 or sum(sign * current_total_price) <> 0 or sum(sign * total_price) <> 0
      or sum(sign * total_refunded) <> 0
    order by grain, bucket_start
    on conflict (connection_id, grain, bucket_start) do update set
      order_count = r.order_count + excluded.order_count,
      total_sales = r.total_sales + excluded.total_sales,
      gross_sales = r.gross_sales + excluded.gross_sales,
      refunds = r.refunds + excluded.refunds`;
  await tx`
    ${changes()}
    insert into shopify.product_rollups as r (connection_id, grain, bucket_start, product_id, quantity, sales)
    select ${connectionId}, grain, bucket_start, line ->> 'productId',
      sum(sign * (line ->> 'quantity')::bigint),
      sum(sign * ((line ->> 'price')::numeric * (line ->> 'quantity')::numeric
        - (line ->> 'totalDiscount')::numeric))
    from keyed, jsonb_array_elements(keyed.line_items) as line
    where line ->> 'productId' is not null
    group by grain, bucket_start, line ->> 'productId'
    having sum(sign * (line ->> 'quantity')::bigint) <> 0
      or sum(sign * ((line ->> 'price')::numeric * (line ->> 'quantity')::numeric
        - (line ->> 'totalDiscount')::numeric)) <> 0
    order by grain, bucket_start, line ->> 'productId'
    on conflict (connection_id, grain, bucket_start, product_id) do update set
      quantity = r.quantity + excluded.quantity,
      sales = r.sales + excluded.sales`;
}
