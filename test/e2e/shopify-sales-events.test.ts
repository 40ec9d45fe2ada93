import { randomBytes, randomUUID } from 'node:crypto';
import { type LlmSimulator, startLlmSimulator } from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import { type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import {
  connectWs,
  eventually,
  type ReceivedResult,
  type Subscription,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Sales Sentinel end to end: changes made at the simulated store travel as webhooks through the gateway
// to the mirror, raise domain events, and reach shopifySalesEvents subscribers through the gateway's
// federated subscriptions, over graphql-ws and SSE.

const SHOP = 'ionflux-demo.myshopify.com';
const EVENTS = /* GraphQL */ `
  subscription ($b: ID!, $min: Decimal) {
    shopifySalesEvents(brandId: $b, minOrderValue: $min) {
      id kind occurredAt connectionId brandId threshold
      order { id name totalPrice { amount currencyCode } lineItems { quantity product { id title } } }
      product { id title aiSummary }
      variant { id inventoryQuantity }
    }
  }
`;

interface SalesEventView {
  id: string;
  kind: string;
  connectionId: string;
  threshold: string | null;
  order: {
    id: string;
    name: string;
    totalPrice: { amount: string };
    lineItems: { quantity: number; product: { id: string; title: string } | null }[];
  } | null;
  product: { id: string; title: string; aiSummary: string | null } | null;
  variant: { id: string; inventoryQuantity: number } | null;
}

let shopify: ShopifySystem;
let llm: LlmSimulator;
let brandId: string;
let connectionId: string;
const clients: Client[] = [];
const subscriptions: Subscription[] = [];
let ws: Subscription;
let sse: Subscription;
let filtered: Subscription;
let stocked: { variantId: string; productId: string };
const firstVariant = () => stocked.variantId;

const eventsOf = (subscription: Subscription): SalesEventView[] =>
  subscription.results.map((result: ReceivedResult) => {
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return (result.data as { shopifySalesEvents: SalesEventView }).shopifySalesEvents;
  });

async function until<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function waitForStock(variantId: string, quantity: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await shopify.sql<{ q: number | null }[]>`
      select inventory_quantity as q from shopify.product_variants where variant_id = ${variantId}`;
    if (row?.q === quantity) return;
    if (Date.now() > deadline) throw new Error(`the mirror never held ${quantity} for ${variantId}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const graphql = <T>(query: string, variables: Record<string, unknown>) =>
  postGraphQL<T>(shopify.system.gatewayUrl, query, { token: shopify.system.token, variables });

beforeAll(async () => {
  const openaiKey = `sk-central-${randomBytes(12).toString('hex')}`;
  llm = await startLlmSimulator({ apiKeys: { openai: openaiKey, anthropic: 'unused', gemini: 'unused' } });
  shopify = await startShopifySystem({
    simulator: { bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 } },
    env: { OPENAI_API_KEY: openaiKey, OPENAI_BASE_URL: llm.openaiBaseUrl },
  });
  ({ connectionId, brandId } = await shopify.connect({ shop: SHOP }));
  await shopify.settled(connectionId);
  // A stocked variant of an active product (the simulator's SKUs and ids, as the mirror holds them).
  const [row] = await shopify.sql<{ variantId: string; productId: string }[]>`
    select v.variant_id as "variantId", v.product_id as "productId"
    from shopify.product_variants as v join shopify.products as p using (connection_id, product_id)
    where v.connection_id = ${connectionId} and p.status = 'ACTIVE' and v.inventory_quantity > 40
    order by v.variant_id limit 1`;
  if (!row) throw new Error('no stocked variant in the mirror');
  stocked = row;
  const client = connectWs(shopify.system.gatewayUrl, shopify.system.token);
  clients.push(client);
  ws = subscribeWs(client, EVENTS, { b: brandId });
  sse = subscribeSse(shopify.system.gatewayUrl, shopify.system.token, EVENTS, { b: brandId });
  filtered = subscribeWs(client, EVENTS, { b: brandId, min: '100.00' });
  subscriptions.push(ws, sse, filtered);
  await eventually(
    () => shopify.system.gateway.subscriptions.stats().upstreamSubscriptions >= 2,
    10_000,
    'upstream',
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
}, 120_000);

afterAll(async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  for (const client of clients) await client.dispose();
  await shopify?.stop();
  await llm?.close();
});

describe('shopifySalesEvents through the gateway', () => {
  it('delivers an order created at the store to graphql-ws and SSE subscribers, once, and counts it in revenueSummary', async () => {
    const from = new Date(Date.now() - 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    const SUMMARY =
      'query ($c: ID!, $f: DateTime!, $t: DateTime!) { revenueSummary(connectionId: $c, from: $f, to: $t, interval: DAY) { orderCount totalSales { amount } } }';
    const before = await graphql<{ revenueSummary: { orderCount: number; totalSales: { amount: string } } }>(
      SUMMARY,
      { c: connectionId, f: from, t: to },
    );
    const seen = { ws: ws.results.length, sse: sse.results.length };
    const started = performance.now();
    const order = shopify.simulator.createOrder(SHOP, {
      lineItems: [{ variantId: firstVariant(), quantity: 1, price: '42.50' }],
      shippingPrice: '0',
    });
    const arrival = (subscription: Subscription, from: number) =>
      until(
        () =>
          eventsOf(subscription)
            .slice(from)
            .find((event) => event.kind === 'NEW_ORDER' && event.order?.id === order.admin_graphql_api_id) &&
          performance.now() - started,
      );
    const [wsLatency, sseLatency] = await Promise.all([arrival(ws, seen.ws), arrival(sse, seen.sse)]);
    console.log(
      `order created at the sandbox → shopifySalesEvents subscriber: graphql-ws ${wsLatency.toFixed(1)} ms, SSE ${sseLatency.toFixed(1)} ms`,
    );
    await shopify.simulator.webhooksIdle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const subscription of [ws, sse]) {
      const mine = eventsOf(subscription).filter((event) => event.order?.id === order.admin_graphql_api_id);
      expect(mine.map((event) => event.kind).sort()).toEqual(['NEW_ORDER', 'ORDER_PAID']);
      const created = mine.find((event) => event.kind === 'NEW_ORDER');
      expect(created).toMatchObject({
        connectionId,
        order: {
          name: order.name,
          totalPrice: { amount: order.total_price },
          lineItems: [{ quantity: 1, product: { title: expect.any(String) } }],
        },
      });
      expect(new Set(mine.map((event) => event.id)).size).toBe(2);
    }
    const after = await graphql<{ revenueSummary: { orderCount: number; totalSales: { amount: string } } }>(
      SUMMARY,
      { c: connectionId, f: from, t: to },
    );
    expect(after.body.data?.revenueSummary.orderCount).toBe(
      (before.body.data?.revenueSummary.orderCount ?? 0) + 1,
    );
    expect(
      Number(after.body.data?.revenueSummary.totalSales.amount) -
        Number(before.body.data?.revenueSummary.totalSales.amount),
    ).toBeCloseTo(Number(order.total_price), 2);
    // minOrderValue 100.00 left this 42.50 (+ tax) order out.
    expect(eventsOf(filtered).some((event) => event.order?.id === order.admin_graphql_api_id)).toBe(false);
  });

  it('raises HIGH_VALUE_ORDER above the brand’s threshold, and the filtered subscriber gets the large order', async () => {
    const set = await graphql<{ setShopifyHighValueOrderThreshold: { highValueOrderThreshold: string } }>(
      'mutation ($b: ID!, $a: Decimal) { setShopifyHighValueOrderThreshold(brandId: $b, amount: $a) { highValueOrderThreshold } }',
      { b: brandId, a: '250.00' },
    );
    expect(set.body.data?.setShopifyHighValueOrderThreshold.highValueOrderThreshold).toBe('250.00');
    const order = shopify.simulator.createOrder(SHOP, {
      lineItems: [{ variantId: firstVariant(), quantity: 3, price: '120.00' }],
    });
    const kinds = async (subscription: Subscription) => {
      await until(() =>
        eventsOf(subscription).filter((event) => event.order?.id === order.admin_graphql_api_id).length >= 3
          ? true
          : undefined,
      );
      return eventsOf(subscription)
        .filter((event) => event.order?.id === order.admin_graphql_api_id)
        .map((event) => event.kind)
        .sort();
    };
    expect(await kinds(ws)).toEqual(['HIGH_VALUE_ORDER', 'NEW_ORDER', 'ORDER_PAID']);
    expect(await kinds(filtered)).toEqual(['HIGH_VALUE_ORDER', 'NEW_ORDER', 'ORDER_PAID']);
    expect(
      eventsOf(ws).find(
        (event) => event.kind === 'HIGH_VALUE_ORDER' && event.order?.id === order.admin_graphql_api_id,
      )?.threshold,
    ).toBe('250.00');
  });

  it('raises ORDER_FULFILLED and ORDER_REFUNDED once each, duplicate deliveries included', async () => {
    const order = shopify.simulator.createOrder(SHOP, {
      lineItems: [{ variantId: firstVariant(), quantity: 1 }],
    });
    await until(() =>
      eventsOf(ws).find(
        (event) => event.kind === 'ORDER_PAID' && event.order?.id === order.admin_graphql_api_id,
      ),
    );
    // Shopify may deliver any webhook twice (same event id, new webhook id).
    shopify.simulator.duplicateNextDeliveries(10);
    shopify.simulator.fulfillOrder(SHOP, order.id);
    shopify.simulator.refundOrder(SHOP, order.id, '1.00', 'dented');
    await shopify.simulator.webhooksIdle();
    await until(() =>
      eventsOf(ws).find(
        (event) => event.kind === 'ORDER_REFUNDED' && event.order?.id === order.admin_graphql_api_id,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    const kinds = eventsOf(ws)
      .filter((event) => event.order?.id === order.admin_graphql_api_id)
      .map((event) => event.kind)
      .sort();
    expect(kinds).toEqual(['NEW_ORDER', 'ORDER_FULFILLED', 'ORDER_PAID', 'ORDER_REFUNDED']);
    const duplicates = shopify.simulator
      .deliveries({ shop: SHOP })
      .filter((delivery) => delivery.duplicateOf !== null);
    expect(duplicates.length).toBeGreaterThan(0);
  });

  it('raises LOW_INVENTORY once per crossing of a key product’s threshold, with the product’s federated aiSummary', async () => {
    const { variantId, productId } = stocked;
    const set = await graphql<{ setShopifyLowInventoryThreshold: { threshold: number } | null }>(
      'mutation ($c: ID!, $p: ID!, $t: Int) { setShopifyLowInventoryThreshold(connectionId: $c, productId: $p, threshold: $t) { threshold } }',
      { c: connectionId, p: productId, t: 5 },
    );
    expect(set.body.data?.setShopifyLowInventoryThreshold?.threshold).toBe(5);
    const low = () =>
      eventsOf(ws).filter((event) => event.kind === 'LOW_INVENTORY' && event.product?.id === productId);
    shopify.simulator.changeInventory(SHOP, { variantId, available: 3 });
    const first = await until(() => low()[0]);
    expect(first).toMatchObject({
      variant: { id: variantId, inventoryQuantity: 3 },
      threshold: '5',
      order: null,
    });
    expect(first.product?.title).toEqual(expect.any(String));
    // The LLM subgraph resolves aiSummary for the event's product (federation per event).
    expect(first.product?.aiSummary).toEqual(expect.any(String));
    // Still low: nothing new. Restocked, then low again: one more.
    // Each change reaches the mirror before the next is made (deliveries of changes made in the same
    // instant may be applied out of order; the mirror then never holds the superseded state).
    for (const available of [2, 30, 1]) {
      shopify.simulator.changeInventory(SHOP, { variantId, available });
      await waitForStock(variantId, available);
    }
    await until(() => (low().length >= 2 ? true : undefined));
    await shopify.simulator.webhooksIdle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(low().map((event) => event.variant?.inventoryQuantity)).toEqual([3, 1]);
    // LOW_INVENTORY is no order event: minOrderValue does not hold it back.
    expect(eventsOf(filtered).filter((event) => event.kind === 'LOW_INVENTORY')).toHaveLength(2);
    expect(eventsOf(sse).filter((event) => event.kind === 'LOW_INVENTORY')).toHaveLength(2);
  });

  it('keeps brands and workspaces apart: another workspace subscribing to the same brand id hears nothing', async () => {
    const stranger = await shopify.system.tokenFor(randomUUID());
    const client = connectWs(shopify.system.gatewayUrl, stranger);
    clients.push(client);
    const theirs = subscribeWs(client, EVENTS, { b: brandId });
    subscriptions.push(theirs);
    await eventually(
      () => shopify.system.gateway.subscriptions.stats().upstreamSubscriptions >= 3,
      10_000,
      'upstream',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const order = shopify.simulator.createOrder(SHOP, {
      lineItems: [{ variantId: firstVariant(), quantity: 1 }],
    });
    await until(() => eventsOf(ws).find((event) => event.order?.id === order.admin_graphql_api_id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(theirs.results).toEqual([]);
  });

  it('refuses thresholds it cannot honour, leaving the stored ones, and a cleared threshold raises no HIGH_VALUE_ORDER', async () => {
    const HIGH =
      'mutation ($b: ID!, $a: Decimal) { setShopifyHighValueOrderThreshold(brandId: $b, amount: $a) { highValueOrderThreshold } }';
    const LOW =
      'mutation ($c: ID!, $p: ID!, $t: Int) { setShopifyLowInventoryThreshold(connectionId: $c, productId: $p, threshold: $t) { threshold } }';
    const ALERTS =
      'query ($b: ID!, $c: ID!) { shopifySalesAlerts(brandId: $b) { highValueOrderThreshold } shopifyInventoryThresholds(connectionId: $c) { productId threshold } }';
    /** The error code of a refused mutation, which must have set nothing. */
    const codeOf = (answer: { body: { data?: Record<string, unknown> | null; errors?: unknown[] } }) => {
      expect(Object.values(answer.body.data ?? {}).every((value) => value === null)).toBe(true);
      return (answer.body.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
    };
    const set = await graphql<{ setShopifyHighValueOrderThreshold: { highValueOrderThreshold: string } }>(
      HIGH,
      {
        b: brandId,
        a: '250.00',
      },
    );
    expect(set.body.data?.setShopifyHighValueOrderThreshold.highValueOrderThreshold).toBe('250.00');
    const before = await graphql(ALERTS, { b: brandId, c: connectionId });
    expect(before.body.errors).toBeUndefined();

    for (const amount of ['0', '-5.00', '1000000000000.01', '1e3'])
      expect(codeOf(await graphql(HIGH, { b: brandId, a: amount })), amount).toBe('INVALID_REQUEST');
    expect(codeOf(await graphql(HIGH, { b: 'not-a-uuid', a: '10.00' }))).toBe('INVALID_REQUEST');
    for (const threshold of [-1, 1_000_001])
      expect(
        codeOf(await graphql(LOW, { c: connectionId, p: stocked.productId, t: threshold })),
        String(threshold),
      ).toBe('INVALID_REQUEST');
    expect(codeOf(await graphql(LOW, { c: connectionId, p: 'gid://shopify/Product/1', t: 5 }))).toBe(
      'NOT_FOUND',
    );
    // Another workspace cannot set a key product on this store's connection.
    const stranger = await postGraphQL(shopify.system.gatewayUrl, LOW, {
      token: await shopify.system.tokenFor(randomUUID()),
      variables: { c: connectionId, p: stocked.productId, t: 5 },
    });
    expect(codeOf(stranger)).toBe('NOT_FOUND');
    expect((await graphql(ALERTS, { b: brandId, c: connectionId })).body).toEqual(before.body);

    const cleared = await graphql<{ setShopifyHighValueOrderThreshold: { highValueOrderThreshold: null } }>(
      HIGH,
      {
        b: brandId,
        a: null,
      },
    );
    expect(cleared.body.data?.setShopifyHighValueOrderThreshold.highValueOrderThreshold).toBeNull();
    const order = shopify.simulator.createOrder(SHOP, {
      lineItems: [{ variantId: firstVariant(), quantity: 3, price: '120.00' }],
    });
    const mine = () => eventsOf(ws).filter((event) => event.order?.id === order.admin_graphql_api_id);
    await until(() => (mine().length >= 2 ? true : undefined));
    await shopify.simulator.webhooksIdle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      mine()
        .map((event) => event.kind)
        .sort(),
    ).toEqual(['NEW_ORDER', 'ORDER_PAID']);
  });

  it('refuses a minOrderValue that is not a decimal and a brandId that is not a UUID', async () => {
    const client = connectWs(shopify.system.gatewayUrl, shopify.system.token);
    clients.push(client);
    for (const variables of [{ b: brandId, min: '1e9' }, { b: 'not-a-uuid' }]) {
      const bad = subscribeWs(client, EVENTS, variables);
      subscriptions.push(bad);
      const ended = await bad.ended;
      const errors = Array.isArray(ended) ? ended : (bad.results[0]?.errors ?? []);
      expect(JSON.stringify(errors)).toMatch(/INVALID_REQUEST|BAD_USER_INPUT|Decimal|UUID/);
    }
  });
});
