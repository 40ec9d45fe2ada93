import {
  createShopifyMirrorDatabase,
  type ShopifyMirrorDatabase,
  seedMirrorOrders,
} from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOrders } from './apply-orders.ts';
import type { MirrorOrder } from './mirror-records.ts';
import { rebuildRollups } from './rebuild-day-rollups.ts';

let mirror: ShopifyMirrorDatabase;
beforeAll(async () => {
  mirror = await createShopifyMirrorDatabase();
});
afterAll(async () => {
  await mirror?.drop();
});

/** A pseudo-random order version: its totals, status and lines vary with the seed. */
function order(id: number, version: number, seed: number): MirrorOrder {
  const cents = 1000 + ((seed * 7919) % 90_000);
  const refunded = version > 1 ? (seed % 3) * 250 : 0;
  const amount = (value: number) => (value / 100).toFixed(2);
  return {
    orderId: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    createdAt: new Date(Date.UTC(2026, 2, 1) + ((seed * 104_729) % (60 * 86_400_000))),
    updatedAt: new Date(Date.UTC(2026, 5, 1) + version * 60_000),
    processedAt: null,
    cancelledAt: version === 3 && seed % 5 === 0 ? new Date(Date.UTC(2026, 5, 2)) : null,
    test: seed % 17 === 0,
    financialStatus: 'PAID',
    fulfillmentStatus: 'UNFULFILLED',
    currency: 'USD',
    presentmentCurrency: 'USD',
    totalPrice: amount(cents),
    currentTotalPrice: amount(cents - refunded),
    totalRefunded: amount(refunded),
    refundsEstimated: false,
    subtotalPrice: null,
    totalTax: null,
    totalDiscounts: null,
    totalShipping: null,
    presentmentTotalPrice: null,
    presentmentCurrentTotalPrice: null,
    presentmentTotalRefunded: null,
    refundIds: [],
    lineItems: [
      {
        id: `gid://shopify/LineItem/${id}`,
        productId: `gid://shopify/Product/${seed % 4}`,
        variantId: null,
        title: 'Thing',
        sku: null,
        quantity: 1 + (seed % 3),
        price: amount(cents / 2),
        totalDiscount: amount(seed % 2 === 0 ? 50 : 0),
      },
    ],
  };
}

describe('rollups kept as orders are applied', () => {
  it('equal the rollups rebuilt from the mirror, through new versions, cancellations and test orders', async () => {
    const store = await mirror.connect('rollup-rebuild.myshopify.com');
    const target = { ...store };
    const snapshot = () => mirror.database.sql`
      select grain, bucket_start::text, order_count, total_sales::text, gross_sales::text, refunds::text
      from shopify.order_rollups where connection_id = ${store.connectionId} and order_count <> 0
      order by grain, bucket_start`;
    const products = () => mirror.database.sql`
      select grain, bucket_start::text, product_id, quantity::int, sales::text
      from shopify.product_rollups where connection_id = ${store.connectionId} and (quantity <> 0 or sales <> 0)
      order by grain, bucket_start, product_id`;
    await mirror.database.sql`
      insert into shopify.shops (connection_id, workspace_id, shop_domain, iana_timezone, rollup_timezone)
      values (${store.connectionId}, ${store.workspaceId}, ${store.shop}, 'America/Los_Angeles', 'America/Los_Angeles')`;
    // Versions 1..3 of 60 orders, applied in batches out of order (3 before 2 for some).
    for (const versions of [[1], [3, 1], [2], [3]]) {
      const batch = versions.flatMap((version) =>
        Array.from({ length: 60 }, (_, index) => order(index + 1, version, index * 31 + version)),
      );
      await mirror.database.sql.begin((tx) => applyOrders(tx, target, batch, new Date()));
    }
    const incremental = [await snapshot(), await products()];
    await mirror.database.sql.begin((tx) => rebuildRollups(tx, store.connectionId, 'America/Los_Angeles'));
    const rebuilt = [await snapshot(), await products()];
    expect(rebuilt[0]?.length).toBeGreaterThan(40);
    expect(incremental).toEqual(rebuilt);
  });

  it('reads only the orders it applies, whatever the size of the store', async () => {
    const store = await mirror.connect('rollup-lookup.myshopify.com');
    const sql = mirror.database.sql;
    await seedMirrorOrders(sql, store, { count: 5000, days: 30 });
    await sql`analyze shopify.orders`;
    const ordersRead = async () => {
      await sql`select pg_stat_force_next_flush()`;
      const [row] = await sql<{ n: string }[]>`
        select (coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0))::text as n from pg_stat_user_tables
        where schemaname = 'shopify' and relname = 'orders'`;
      return Number(row?.n ?? 0);
    };
    const before = await ordersRead();
    // A new version of one seeded order and one new order, applied one at a time as deliveries are.
    for (const id of [7_000_000_042, 90_001]) {
      await sql.begin((tx) => applyOrders(tx, store, [order(id, 2, 7)], new Date()));
    }
    expect((await ordersRead()) - before).toBeLessThan(50);
  });
});
