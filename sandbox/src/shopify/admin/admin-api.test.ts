import {
  ALL_READ_SCOPES,
  adminUrl,
  dataOf,
  errorsOf,
  postGraphql,
  startTestSimulator,
} from '@ionflux/testing/shopify-simulator';
import { GraphQLClient, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';

let simulator: ShopifySimulator;
let token: string;
let client: GraphQLClient;

beforeAll(async () => {
  simulator = await startTestSimulator();
  token = simulator.issueAccessToken(simulator.demoShop, ALL_READ_SCOPES).access_token;
  client = new GraphQLClient(adminUrl(simulator), { headers: { 'X-Shopify-Access-Token': token } });
});
afterAll(() => simulator.close());

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

describe('POST /admin/api/{version}/graphql.json with graphql-request', () => {
  it('reads the shop and the seeded catalogue unchanged except for the base URL', async () => {
    const data = await client.request<{
      shop: { name: string; myshopifyDomain: string; currencyCode: string };
      productsCount: { count: number };
      customersCount: { count: number };
    }>(gql`
      query ShopOverview {
        shop { name myshopifyDomain currencyCode }
        productsCount { count }
        customersCount { count }
      }
    `);
    expect(data.shop.myshopifyDomain).toBe('ionflux-demo.myshopify.com');
    expect(data.shop.currencyCode).toBe('USD');
    expect(data.productsCount.count).toBe(50);
    expect(data.customersCount.count).toBe(300);
  });

  it('pages through all products with first/after and cursors', async () => {
    const query = gql`
      query Products($after: String) {
        products(first: 20, after: $after) {
          edges { cursor node { id title variants(first: 10) { nodes { id sku price inventoryQuantity } } } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }
    `;
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: { products: Page<{ id: string; variants: { nodes: { price: string }[] } }> } =
        await client.request(query, { after });
      ids.push(...data.products.edges.map((edge) => edge.node.id));
      expect(data.products.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of data.products.edges)
        expect(edge.node.variants.nodes[0]?.price).toMatch(/^\d+\.\d{2}$/);
      after = data.products.pageInfo.hasNextPage ? data.products.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(50);
  });

  it('filters orders with query: on created_at, updated_at and status, sorted by UPDATED_AT', async () => {
    const data = await client.request<{
      orders: Page<{ createdAt: string; updatedAt: string; cancelledAt: string | null }>;
    }>(gql`
      {
        orders(first: 250, sortKey: UPDATED_AT, query: "created_at:>='2026-10-01T00:00:00Z' AND updated_at:<'2026-10-20T00:00:00Z' AND status:cancelled") {
          edges { node { createdAt updatedAt cancelledAt } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }
    `);
    const nodes = data.orders.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.createdAt >= '2026-10-01T00:00:00Z').toBe(true);
      expect(node.updatedAt < '2026-10-20T00:00:00Z').toBe(true);
      expect(node.cancelledAt).not.toBeNull();
    }
    const updated = nodes.map((n) => n.updatedAt);
    expect([...updated].sort()).toEqual(updated);
  });

  it('returns orders with line items and money bags whose amounts add up', async () => {
    const data = await client.request<{
      orders: {
        nodes: {
          subtotalPriceSet: Money;
          totalShippingPriceSet: Money;
          totalTaxSet: Money;
          totalPriceSet: Money;
          lineItems: { nodes: { quantity: number; discountedTotalSet: Money }[] };
        }[];
      };
    }>(gql`
      {
        orders(first: 15, reverse: true) {
          nodes {
            subtotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
            totalShippingPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
            totalTaxSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
            totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
            lineItems(first: 10) { nodes { quantity discountedTotalSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } }
          }
        }
      }
    `);
    const cents = (m: Money) => Math.round(Number(m.shopMoney.amount) * 100);
    for (const order of data.orders.nodes) {
      const lines = order.lineItems.nodes.reduce((sum, line) => sum + cents(line.discountedTotalSet), 0);
      expect(lines).toBe(cents(order.subtotalPriceSet));
      expect(
        cents(order.subtotalPriceSet) + cents(order.totalShippingPriceSet) + cents(order.totalTaxSet),
      ).toBe(cents(order.totalPriceSet));
    }
    const currencies = new Set(data.orders.nodes.map((o) => o.totalPriceSet.presentmentMoney.currencyCode));
    expect(currencies.size).toBeGreaterThan(1);
  });

  it('resolves nodes(ids:) across types, with null for ids that do not exist', async () => {
    const first = await client.request<{
      products: { nodes: { id: string }[] };
      orders: { nodes: { id: string }[] };
      customers: { nodes: { id: string }[] };
    }>(
      '{ products(first: 1) { nodes { id } } orders(first: 1) { nodes { id } } customers(first: 1) { nodes { id } } }',
    );
    const ids = [
      first.products.nodes[0]?.id,
      first.orders.nodes[0]?.id,
      first.customers.nodes[0]?.id,
      'gid://shopify/Product/1',
    ];
    const data = await client.request<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { title } ... on Order { name } ... on Customer { displayName } } }',
      { ids },
    );
    expect(data.nodes.map((n) => n?.__typename ?? null)).toEqual(['Product', 'Order', 'Customer', null]);
  });

  it('reports the calculated cost and throttle status on every response', async () => {
    const response = await postGraphql(
      simulator,
      token,
      '{ products(first: 10) { edges { node { id variants(first: 5) { nodes { id } } } } } }',
    );
    const cost = response.body.extensions?.cost;
    // products: 2 + 10 × (product 1 + variants (2 + 5 × 1)) = 82
    expect(cost?.requestedQueryCost).toBe(82);
    expect(cost?.actualQueryCost).toBeLessThanOrEqual(82);
    expect(cost?.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(response.headers.get('x-shopify-api-version')).toBe('2025-04');
  });
});

type Money = {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
};

describe('Admin API limits and errors', () => {
  it('answers 401 with Shopify body when X-Shopify-Access-Token is missing or unknown', async () => {
    for (const header of [{}, { 'X-Shopify-Access-Token': 'shpat_nope' }]) {
      const response = await fetch(adminUrl(simulator), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...header },
        body: '{"query":"{ shop { id } }"}',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    }
  });

  it('refuses a query whose requested cost exceeds 1000 with MAX_COST_EXCEEDED before running it', async () => {
    const before = simulator.throttleStatus(simulator.demoShop).currentlyAvailable;
    const response = await postGraphql(
      simulator,
      token,
      '{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }',
    );
    expect(response.status).toBe(200);
    const errors = response.body.errors as { message: string; extensions: Record<string, unknown> }[];
    expect(errors[0]?.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 1000 });
    expect(errors[0]?.message).toMatch(
      /^Query cost is \d+, which exceeds the single query max cost limit \(1000\)/,
    );
    expect(response.body.data).toBeUndefined();
    expect(simulator.throttleStatus(simulator.demoShop).currentlyAvailable).toBeGreaterThanOrEqual(before);
  });

  it('answers THROTTLED (HTTP 200, no data, actualQueryCost null) when the bucket cannot cover the requested cost', async () => {
    simulator.setThrottle(simulator.demoShop, 5);
    const response = await postGraphql(simulator, token, '{ orders(first: 50) { nodes { id } } }');
    expect(response.status).toBe(200);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ]);
    expect(response.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 52,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
    });
    simulator.setThrottle(simulator.demoShop, 2000);
  });

  it('can answer THROTTLED with HTTP 429 and Retry-After, and the bucket restores over real time', async () => {
    const small = await startTestSimulator({
      throttledStatus: 429,
      bucket: { maximumAvailable: 60, restoreRate: 1000 },
    });
    try {
      const own = small.issueAccessToken(small.demoShop, ['read_orders']).access_token;
      const query = '{ orders(first: 50) { nodes { id } } }';
      expect((await postGraphql(small, own, query)).status).toBe(200);
      const throttled = await postGraphql(small, own, query);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('1.0');
      expect(errorsOf(throttled)[0]?.extensions?.['code']).toBe('THROTTLED');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await postGraphql(small, own, query)).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('limits first/last to 250 and input arrays to 250 items', async () => {
    const tooMany = await postGraphql(simulator, token, '{ orders(first: 251) { nodes { id } } }');
    expect((tooMany.body.errors as { message: string }[])[0]?.message).toContain('250');
    const ids = Array.from({ length: 251 }, (_, i) => `gid://shopify/Product/${i}`);
    const nodes = await postGraphql(simulator, token, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids,
    });
    const errors = nodes.body.errors as { message: string; extensions: { code: string } }[];
    expect(errors[0]).toMatchObject({
      message: 'The input array size of 251 is greater than the maximum allowed of 250.',
      extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
    });
  });

  it('requires first or last on connections', async () => {
    const response = await postGraphql(simulator, token, '{ products { nodes { id } } }');
    expect((response.body.errors as { message: string }[])[0]?.message).toBe(
      'you must provide one of first or last',
    );
  });

  it('denies fields outside the granted scopes with ACCESS_DENIED', async () => {
    const narrow = simulator.issueAccessToken(simulator.demoShop, ['read_products']).access_token;
    const response = await postGraphql(simulator, narrow, '{ customers(first: 1) { nodes { id } } }');
    const errors = response.body.errors as { message: string; extensions: Record<string, unknown> }[];
    expect(errors[0]?.extensions['code']).toBe('ACCESS_DENIED');
    expect(errors[0]?.message).toContain('read_customers');
  });

  it('hides orders older than 60 days without read_all_orders', async () => {
    const recent = simulator.issueAccessToken(simulator.demoShop, ['read_orders']).access_token;
    const narrow = await postGraphql(simulator, recent, '{ ordersCount { count } }');
    const wide = await postGraphql(simulator, token, '{ ordersCount { count } }');
    const count = (r: typeof narrow) => dataOf<{ count: number }>(r, 'ordersCount').count;
    expect(count(wide)).toBe(2000);
    expect(count(narrow)).toBeLessThan(count(wide));
    expect(count(narrow)).toBeGreaterThan(1000);
  });

  it('returns validation errors for fields that are not in the served schema', async () => {
    const response = await postGraphql(simulator, token, '{ shop { notAField } }');
    expect((response.body.errors as { message: string }[])[0]?.message).toContain(
      'Cannot query field "notAField"',
    );
  });
});
