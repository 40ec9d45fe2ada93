import { type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The sync within Shopify's cost limits: a store read with paged queries (the fallback, here forced by
// SHOPIFY_SYNC_BULK=false) through a bucket far smaller than the sync needs. The subgraph's bucket model
// makes every call wait until the shop's bucket holds its cost: the simulator answers none THROTTLED.

let shopify: ShopifySystem;
const SHOP = 'throttled-store.myshopify.com';

beforeAll(async () => {
  shopify = await startShopifySystem({
    simulator: {
      bucket: { maximumAvailable: 1000, restoreRate: 1000 },
      scale: { orders: 80, products: 12, customers: 20 },
    },
    env: { SHOPIFY_SYNC_BULK: 'false' },
  });
}, 120_000);

afterAll(async () => {
  await shopify?.stop();
});

describe('a sync held to the shop’s throttle bucket', () => {
  it('mirrors the whole store with paged queries without one THROTTLED answer', async () => {
    const started = Date.now();
    const { connectionId } = await shopify.connect({ shop: SHOP });
    expect(await shopify.settled(connectionId, 90_000)).toBe('IDLE');
    const elapsedMs = Date.now() - started;
    const calls = shopify.simulator
      .requests()
      .filter((request) => request.shop === SHOP && request.operation);
    const pages = calls.filter((request) => request.operation === 'IonfluxMirrorOrders');
    // 80 orders, 8 a page, each page about 900 points: ten times what the 1000-point bucket holds.
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(calls.filter((request) => request.throttled)).toEqual([]);
    expect(calls.every((request) => request.status === 200)).toBe(true);
    const [mirrored] = await shopify.sql<{ n: number }[]>`
      select count(*)::int as n from shopify.orders where connection_id = ${connectionId}`;
    expect(mirrored?.n).toBe(80);
    console.log(
      `paged sync of 80 orders through a 1000-point bucket (1000/s): ${calls.length} Admin calls, ${elapsedMs} ms, 0 THROTTLED`,
    );
  }, 120_000);
});
