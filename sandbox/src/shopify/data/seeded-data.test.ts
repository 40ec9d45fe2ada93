import { dataOf, FIXED_NOW, postGraphql, startTestSimulator } from '@ionflux/testing/shopify-simulator';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';
import { orderTotals } from './order-totals.ts';
import { ShopState } from './shop-state.ts';

const SCALE = { products: 50, customers: 300, orders: 2000, days: 90 };

describe('seeded demo data', () => {
  it('is identical for the same shop and clock', () => {
    const a = new ShopState('same.myshopify.com', 42, SCALE, FIXED_NOW);
    const b = new ShopState('same.myshopify.com', 42, SCALE, FIXED_NOW);
    expect(a.orders.at(1234)).toEqual(b.orders.at(1234));
    expect(a.products).toEqual(b.products);
    expect(a.customers[299]).toEqual(b.customers[299]);
  });

  it('spreads 2,000 orders over 90 days with refunds, cancellations, test orders and several currencies', () => {
    const shop = new ShopState('mix.myshopify.com', 7, SCALE, FIXED_NOW);
    const orders = [...shop.orders];
    expect(orders).toHaveLength(2000);
    const oldest = orders[0]?.createdAt.getTime() ?? 0;
    expect(FIXED_NOW.getTime() - oldest).toBeLessThanOrEqual(90 * 86_400_000);
    expect(FIXED_NOW.getTime() - oldest).toBeGreaterThan(89 * 86_400_000);
    const count = (predicate: (o: (typeof orders)[number]) => boolean) => orders.filter(predicate).length;
    expect(count((o) => o.cancelledAt !== null)).toBeGreaterThan(20);
    expect(count((o) => o.refunds.length > 0 && !o.cancelledAt)).toBeGreaterThan(50);
    expect(count((o) => o.test)).toBeGreaterThan(5);
    expect(new Set(orders.map((o) => o.presentmentCurrency)).size).toBe(5);
    const average = orders.reduce((sum, o) => sum + orderTotals(o).total, 0) / orders.length / 100;
    expect(average).toBeGreaterThan(40);
    expect(average).toBeLessThan(300);
    expect(shop.products.every((p) => p.variants.length > 0 && p.images.length > 0)).toBe(true);
  });
});

describe('a million-order shop', () => {
  let simulator: ShopifySimulator | undefined;
  afterAll(() => simulator?.close());

  it('starts without generating every order and pages from either end', async () => {
    const started = Date.now();
    simulator = await startTestSimulator({ scale: { orders: 1_000_000, customers: 5000, days: 365 } });
    expect(Date.now() - started).toBeLessThan(5000);
    const token = simulator.issueAccessToken(simulator.demoShop, [
      'read_orders',
      'read_all_orders',
    ]).access_token;
    const newest = await postGraphql(
      simulator,
      token,
      '{ orders(first: 2, reverse: true) { nodes { name } } ordersCount { count precision } }',
    );
    expect(newest.body.data).toEqual({
      orders: { nodes: [{ name: '#1001000' }, { name: '#1000999' }] },
      ordersCount: { count: 10000, precision: 'AT_LEAST' },
    });
    const window = await postGraphql(
      simulator,
      token,
      '{ orders(first: 3, query: "created_at:>=2026-10-01") { nodes { createdAt } } }',
    );
    const nodes = dataOf<{ nodes: { createdAt: string }[] }>(window, 'orders').nodes;
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.createdAt >= '2026-10-01').toBe(true);
  });
});
