import type { Sql } from '@ionflux/kit/db';
import { moneyAmount } from './money-amount.ts';
import { planPieces } from './plan-params.ts';
import type { RevenuePlan } from './revenue-plan.ts';

export interface TopProduct {
  productId: string;
  title: string | null;
  quantity: number;
  sales: string;
}

/**
 * The best-selling products of a connection over the plan (by sales, then units), from the product
 * rollups and, for partial hours, the orders' lines. Lines without a product (custom items) are not
 * counted here.
 */
export async function queryTopProducts(
  sql: Sql,
  connectionId: string,
  plan: RevenuePlan,
  limit: number,
): Promise<TopProduct[]> {
  const rows = await sql<{ productId: string; title: string | null; quantity: string; sales: string }[]>`
    with ${planPieces(sql, plan)}, parts as (
      select p.product_id, p.quantity, p.sales
      from days as d join shopify.product_rollups as p
        on p.connection_id = ${connectionId} and p.grain = 'day' and p.bucket_start = d.start
      union all
      select p.product_id, p.quantity, p.sales
      from hours as h join shopify.product_rollups as p
        on p.connection_id = ${connectionId} and p.grain = 'hour' and p.bucket_start = h.start
      union all
      select line ->> 'productId', (line ->> 'quantity')::bigint,
        (line ->> 'price')::numeric * (line ->> 'quantity')::numeric - (line ->> 'totalDiscount')::numeric
      from ranges as g cross join lateral (
        -- One index range scan per piece (see queryRevenue).
        select line_items from shopify.orders
        where connection_id = ${connectionId} and created_at >= g.range_from and created_at < g.range_to
          and not test and cancelled_at is null
        offset 0
      ) as o, jsonb_array_elements(o.line_items) as line
      where line ->> 'productId' is not null
    ), summed as (
      select product_id, sum(quantity) as quantity, sum(sales) as sales
      from parts group by product_id
      having sum(quantity) <> 0 or sum(sales) <> 0
      order by sum(sales) desc, sum(quantity) desc, product_id
      limit ${limit}
    )
    select s.product_id as "productId", p.title, s.quantity::text as quantity, s.sales::text as sales
    from summed as s
    left join shopify.products as p on p.connection_id = ${connectionId} and p.product_id = s.product_id
    order by s.sales desc, s.quantity desc, s.product_id`;
  return rows.map((row) => ({
    productId: row.productId,
    title: row.title,
    quantity: Number(row.quantity),
    sales: moneyAmount(row.sales),
  }));
}
