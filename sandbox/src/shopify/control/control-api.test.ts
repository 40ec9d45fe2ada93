import {
  ALL_READ_SCOPES,
  adminUrl,
  errorsOf,
  postGraphql,
  startTestSimulator,
} from '@ionflux/testing/shopify-simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';

let simulator: ShopifySimulator;
let token: string;

beforeAll(async () => {
  simulator = await startTestSimulator();
  token = simulator.issueAccessToken(simulator.demoShop, ALL_READ_SCOPES).access_token;
});
afterAll(() => simulator.close());
afterEach(() => simulator.clearFaults());

const control = (path: string, init: RequestInit = {}) =>
  fetch(`${simulator.url}/_control${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });

const shopQuery = () => postGraphql(simulator, token, '{ shop { id } }');

describe('/_control faults', () => {
  it('answers the next request with 429 and Retry-After, then recovers', async () => {
    const added = await control('/faults', {
      method: 'POST',
      body: JSON.stringify({ kind: 'status', status: 429, count: 1, path: 'graphql\\.json$' }),
    });
    expect(added.status).toBe(201);
    const limited = await fetch(adminUrl(simulator), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
      body: '{"query":"{ shop { id } }"}',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2.0');
    expect((await shopQuery()).status).toBe(200);
  });

  it('injects 5xx for a route pattern for N requests', async () => {
    await control('/faults', {
      method: 'POST',
      body: JSON.stringify({ kind: 'status', status: 503, count: 2, path: '/admin/api/' }),
    });
    expect((await shopQuery()).status).toBe(503);
    expect((await shopQuery()).status).toBe(503);
    expect((await shopQuery()).status).toBe(200);
  });

  it('adds latency', async () => {
    simulator.addFault({ kind: 'latency', latencyMs: 150, count: 1 });
    const started = Date.now();
    expect((await shopQuery()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection', async () => {
    simulator.addFault({ kind: 'drop', count: 1 });
    await expect(shopQuery()).rejects.toThrow();
    expect((await shopQuery()).status).toBe(200);
  });

  it('lists and clears faults', async () => {
    simulator.addFault({ kind: 'status', status: 500 });
    const listed = (await (await control('/faults')).json()) as { faults: unknown[] };
    expect(listed.faults).toHaveLength(1);
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect(simulator.faults()).toEqual([]);
  });
});

describe('/_control data changes', () => {
  it('creates orders and products and changes inventory over HTTP', async () => {
    const product = (await (
      await control(`/shops/${simulator.demoShop}/products`, {
        method: 'POST',
        body: JSON.stringify({
          title: 'Control Tee',
          variants: [{ title: 'M', price: '30.00', sku: 'CTRL-M', inventory: 5 }],
        }),
      })
    ).json()) as { product: { admin_graphql_api_id: string; variants: { id: number }[] } };
    const variantId = product.product.variants[0]?.id;
    const order = (await (
      await control(`/shops/${simulator.demoShop}/orders`, {
        method: 'POST',
        body: JSON.stringify({ lineItems: [{ variantId, quantity: 2 }] }),
      })
    ).json()) as { order: { admin_graphql_api_id: string } };
    const stock = (await (
      await control(`/shops/${simulator.demoShop}/inventory`, {
        method: 'POST',
        body: JSON.stringify({ sku: 'CTRL-M', delta: 10 }),
      })
    ).json()) as { variant: { available: number } };
    expect(stock.variant.available).toBe(13);
    const read = await postGraphql(
      simulator,
      token,
      'query ($o: ID!, $p: ID!) { order(id: $o) { name lineItems(first: 5) { nodes { sku quantity } } } product(id: $p) { totalInventory } }',
      { o: order.order.admin_graphql_api_id, p: product.product.admin_graphql_api_id },
    );
    expect(read.body.data).toMatchObject({
      order: { lineItems: { nodes: [{ sku: 'CTRL-M', quantity: 2 }] } },
      product: { totalInventory: 13 },
    });
  });

  it('refunds part of an order and reflects it in the money bags', async () => {
    const order = simulator.createOrder(simulator.demoShop);
    const response = await control(`/shops/${simulator.demoShop}/orders/${order.id}/refund`, {
      method: 'POST',
      body: JSON.stringify({ amount: '5.00' }),
    });
    expect(response.status).toBe(200);
    const read = await postGraphql(
      simulator,
      token,
      'query ($id: ID!) { order(id: $id) { displayFinancialStatus totalRefundedSet { shopMoney { amount } } } }',
      { id: `gid://shopify/Order/${order.id}` },
    );
    expect(read.body.data).toEqual({
      order: {
        displayFinancialStatus: 'PARTIALLY_REFUNDED',
        totalRefundedSet: { shopMoney: { amount: '5.00' } },
      },
    });
  });

  it('drains the bucket on request so a client meets THROTTLED', async () => {
    await control(`/shops/${simulator.demoShop}/throttle`, {
      method: 'PUT',
      body: JSON.stringify({ currentlyAvailable: 0 }),
    });
    const since = simulator.requests().at(-1)?.seq ?? 0;
    const response = await shopQuery();
    expect(errorsOf(response)[0]?.extensions?.['code']).toBe('THROTTLED');
    // The request log says which answers were THROTTLED (a client's bucket model is checked by it).
    expect(simulator.requests(since).map((request) => request.throttled)).toEqual([true]);
    simulator.setThrottle(simulator.demoShop, 2000);
    expect((await shopQuery()).status).toBe(200);
    expect(simulator.requests(since).map((request) => request.throttled)).toEqual([true, false]);
  });

  it('logs the requests it received', async () => {
    simulator.clearRequests();
    await shopQuery();
    const log = (await (await control('/requests')).json()) as {
      requests: { method: string; path: string; status: number; shop: string }[];
    };
    expect(log.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/store/${simulator.demoShop}/admin/api/2025-04/graphql.json`,
        status: 200,
        shop: simulator.demoShop,
      }),
    ]);
  });

  it('answers 404 with a reason for unknown orders', async () => {
    const response = await control(`/shops/${simulator.demoShop}/orders/1/cancel`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: `no order 1 in ${simulator.demoShop}` });
  });
});
