import type postgres from 'postgres';

/**
 * Seeds a connection's mirror with `count` orders in SQL (generate_series; no API involved), spread
 * evenly over the `days` before now: 1-3 lines of 50 products, about 1% test, 3% cancelled and 6%
 * partly refunded orders. Products are seeded too, for topProducts' titles.
 */
export async function seedMirrorOrders(
  sql: postgres.Sql,
  target: { connectionId: string; workspaceId: string },
  options: { count: number; days: number },
): Promise<void> {
  const { connectionId, workspaceId } = target;
  const spacing = `${(options.days * 86_400) / options.count} seconds`;
  await sql`
    insert into shopify.products (connection_id, product_id, workspace_id, title, status, tags, updated_at, observed_at)
    select ${connectionId}, 'gid://shopify/Product/' || p, ${workspaceId}, 'Bench product ' || p, 'ACTIVE', '{}', now(), now()
    from generate_series(0, 49) as p`;
  await sql`
    insert into shopify.orders (connection_id, order_id, workspace_id, name, created_at, updated_at, observed_at,
      processed_at, cancelled_at, test, financial_status, fulfillment_status, currency, presentment_currency,
      total_price, current_total_price, total_refunded, refunds_estimated, refund_ids, line_items)
    select ${connectionId}, 'gid://shopify/Order/' || (7000000000 + g), ${workspaceId}, '#' || g,
      created, created + interval '1 hour', created + interval '1 hour', created,
      case when g % 33 = 0 then created + interval '2 hours' end,
      g % 100 = 0,
      case when g % 16 = 0 then 'PARTIALLY_REFUNDED' else 'PAID' end, 'FULFILLED', 'USD', 'USD',
      total, total - refund, refund, false,
      case when refund > 0 then array['gid://shopify/Refund/' || g] else '{}' end,
      lines
    from (
      select g, now() - g * ${spacing}::interval as created,
        (a.price * a.quantity + coalesce(b.price * b.quantity, 0))::numeric(12, 2) as total,
        case when g % 16 = 0 then 5.00 else 0.00 end::numeric(12, 2) as refund,
        case when b.price is null then jsonb_build_array(a.line) else jsonb_build_array(a.line, b.line) end as lines
      from generate_series(1::bigint, ${options.count}::bigint) as g
      cross join lateral (
        select ((g * 7919) % 9000 + 500) / 100.0 as price, 1 + g % 3 as quantity,
          jsonb_build_object('id', 'gid://shopify/LineItem/' || g, 'productId', 'gid://shopify/Product/' || (g % 50),
            'variantId', null, 'title', 'Bench product ' || (g % 50), 'sku', null, 'quantity', 1 + g % 3,
            'price', (((g * 7919) % 9000 + 500) / 100.0)::numeric(12, 2)::text, 'totalDiscount', '0.00') as line
      ) as a
      left join lateral (
        select ((g * 104729) % 6000 + 300) / 100.0 as price, 1 as quantity,
          jsonb_build_object('id', 'gid://shopify/LineItem/' || g || '-2', 'productId', 'gid://shopify/Product/' || ((g * 7) % 50),
            'variantId', null, 'title', 'Bench product ' || ((g * 7) % 50), 'sku', null, 'quantity', 1,
            'price', (((g * 104729) % 6000 + 300) / 100.0)::numeric(12, 2)::text, 'totalDiscount', '0.00') as line
        where g % 2 = 0
      ) as b on true
    ) as seeded`;
}
