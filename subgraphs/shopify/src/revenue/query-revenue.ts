import type { Sql } from '@ionflux/kit/db';
import { moneyAmount } from './money-amount.ts';
import { planPieces } from './plan-params.ts';
import type { RevenuePlan } from './revenue-plan.ts';

export interface RevenueFigures {
  orderCount: number;
  totalSales: string;
  grossSales: string;
  refunds: string;
}

export interface RevenueTotals extends RevenueFigures {
  averageOrderValue: string;
  /** Per planned bucket, in order (zeros where nothing was sold). */
  series: RevenueFigures[];
}

/**
 * Sums a connection's counted orders over the plan in one statement: day rollups for whole days, hour
 * rollups for whole hours, the orders themselves for what is left, grouped per bucket and in total.
 * Exact: PostgreSQL `numeric` throughout.
 */
export async function queryRevenue(
  sql: Sql,
  connectionId: string,
  plan: RevenuePlan,
): Promise<RevenueTotals> {
  const rows = await sql<
    {
      bucket: number | null;
      orderCount: number;
      totalSales: string;
      grossSales: string;
      refunds: string;
      average: string | null;
    }[]
  >`
    with ${planPieces(sql, plan)}, parts as (
      select d.bucket, r.order_count, r.total_sales, r.gross_sales, r.refunds
      from days as d join shopify.order_rollups as r
        on r.connection_id = ${connectionId} and r.grain = 'day' and r.bucket_start = d.start
      union all
      select h.bucket, r.order_count, r.total_sales, r.gross_sales, r.refunds
      from hours as h join shopify.order_rollups as r
        on r.connection_id = ${connectionId} and r.grain = 'hour' and r.bucket_start = h.start
      union all
      select g.bucket, 1, o.current_total_price, o.total_price, o.total_refunded
      from ranges as g cross join lateral (
        -- One index range scan per piece (offset 0 keeps the planner from flattening it into a scan of
        -- the connection's every order).
        select current_total_price, total_price, total_refunded from shopify.orders
        where connection_id = ${connectionId} and created_at >= g.range_from and created_at < g.range_to
          and not test and cancelled_at is null
        offset 0
      ) as o
    )
    select bucket, coalesce(sum(order_count), 0)::int as "orderCount",
      coalesce(sum(total_sales), 0)::text as "totalSales", coalesce(sum(gross_sales), 0)::text as "grossSales",
      coalesce(sum(refunds), 0)::text as refunds,
      round(sum(total_sales) / nullif(sum(order_count), 0), 2)::text as average
    from parts
    group by grouping sets ((bucket), ())`;
  const figures = (row: (typeof rows)[number] | undefined): RevenueFigures => ({
    orderCount: row?.orderCount ?? 0,
    totalSales: moneyAmount(row?.totalSales),
    grossSales: moneyAmount(row?.grossSales),
    refunds: moneyAmount(row?.refunds),
  });
  const byBucket = new Map(rows.filter((row) => row.bucket !== null).map((row) => [row.bucket, row]));
  const total = rows.find((row) => row.bucket === null);
  return {
    ...figures(total),
    averageOrderValue: moneyAmount(total?.average),
    series: plan.buckets.map((_bucket, index) => figures(byBucket.get(index))),
  };
}
