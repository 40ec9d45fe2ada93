import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@ionflux/testing/http';
import {
  adminRevenue,
  cents,
  decimal,
  localDate,
  type ShopifySystem,
  startShopifySystem,
} from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Spec 2.2 sync and Revenue Tracker Lite, end to end: a store connected through the gateway is subscribed
// and backfilled from the simulator; revenueSummary is checked against figures the test reads itself
// from the store's Admin API.

let shopify: ShopifySystem;
let token: string;
let connectionId: string;
const SHOP = 'ionflux-demo.myshopify.com';
const TIMEZONE = 'America/New_York';
const DAY = 86_400_000;

const SUMMARY = /* GraphQL */ `
  query ($c: ID!, $from: DateTime!, $to: DateTime!, $i: RevenueInterval!, $limit: Int) {
    revenueSummary(connectionId: $c, from: $from, to: $to, interval: $i) {
      currency ianaTimezone orderCount lastSyncedAt
      totalSales { amount currencyCode } grossSales { amount } refunds { amount } averageOrderValue { amount }
      series { start end orderCount totalSales { amount } }
      topProducts(limit: $limit) { productId title quantity sales { amount } }
    }
  }
`;

interface Summary {
  currency: string;
  ianaTimezone: string;
  orderCount: number;
  lastSyncedAt: string | null;
  totalSales: { amount: string; currencyCode: string };
  grossSales: { amount: string };
  refunds: { amount: string };
  averageOrderValue: { amount: string };
  series: { start: string; end: string; orderCount: number; totalSales: { amount: string } }[];
  topProducts: { productId: string; title: string | null; quantity: number; sales: { amount: string } }[];
}

async function summary(
  from: Date,
  to: Date,
  interval: string,
  limit = 10,
  id = connectionId,
): Promise<Summary> {
  const answer = await postGraphQL<{ revenueSummary: Summary }>(shopify.system.gatewayUrl, SUMMARY, {
    token,
    variables: { c: id, from: from.toISOString(), to: to.toISOString(), i: interval, limit },
  });
  if (!answer.body.data) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.revenueSummary;
}

/** Our summary against the test's own figures: totals, each day, and the top products. */
async function expectSameRevenue(from: Date, to: Date, timeZone: string) {
  const [ours, theirs] = await Promise.all([
    summary(from, to, 'DAY', 5),
    adminRevenue(shopify.simulator, SHOP, { from, to, timeZone }),
  ]);
  expect(ours.orderCount).toBe(theirs.orderCount);
  expect(ours.totalSales.amount).toBe(theirs.totalSales);
  expect(ours.grossSales.amount).toBe(theirs.grossSales);
  expect(ours.refunds.amount).toBe(theirs.refunds);
  for (const bucket of ours.series) {
    const day = localDate(new Date(bucket.start), timeZone);
    const expected = theirs.days.get(day) ?? { orderCount: 0, totalSales: 0n };
    expect({ day, count: bucket.orderCount, sales: bucket.totalSales.amount }).toEqual({
      day,
      count: expected.orderCount,
      sales: decimal(expected.totalSales),
    });
  }
  expect(ours.series.reduce((n, bucket) => n + bucket.orderCount, 0)).toBe(theirs.orderCount);
  const top = [...theirs.products.entries()]
    .sort(([a, x], [b, y]) =>
      x.sales === y.sales
        ? x.quantity === y.quantity
          ? a.localeCompare(b)
          : y.quantity - x.quantity
        : y.sales > x.sales
          ? 1
          : -1,
    )
    .slice(0, 5)
    .map(([productId, product]) => ({
      productId,
      quantity: product.quantity,
      sales: decimal(product.sales),
    }));
  expect(
    ours.topProducts.map(({ productId, quantity, sales }) => ({ productId, quantity, sales: sales.amount })),
  ).toEqual(top);
  return ours;
}

const subscriptionsOf = async (shop: string) => {
  const token = shopify.simulator.issueAccessToken(shop, ['read_products']).access_token;
  const url = `${shopify.simulator.adminOriginTemplate.replace('{shop}', shop)}/admin/api/${shopify.simulator.apiVersion}/graphql.json`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({
      query:
        '{ webhookSubscriptions(first: 50) { nodes { id topic endpoint { ... on WebhookHttpEndpoint { callbackUrl } } } } }',
    }),
  });
  const body = (await response.json()) as {
    data: {
      webhookSubscriptions: { nodes: { id: string; topic: string; endpoint: { callbackUrl: string } }[] };
    };
  };
  return body.data.webhookSubscriptions.nodes;
};

const mirroredOrders = async (id: string) =>
  (
    await shopify.sql<
      { n: number }[]
    >`select count(*)::int as n from shopify.orders where connection_id = ${id}`
  )[0]?.n;

const adminOrderCount = async (shop: string) => {
  const token = shopify.simulator.issueAccessToken(shop, ['read_orders', 'read_all_orders']).access_token;
  const url = `${shopify.simulator.adminOriginTemplate.replace('{shop}', shop)}/admin/api/${shopify.simulator.apiVersion}/graphql.json`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
    body: JSON.stringify({ query: '{ ordersCount(limit: 100000) { count } }' }),
  });
  return ((await response.json()) as { data: { ordersCount: { count: number } } }).data.ordersCount.count;
};

beforeAll(async () => {
  // A bucket far beyond Shopify's plans, so the test's own page-by-page reads (and the paged fallback)
  // take seconds; shopify-sync-throttle.test.ts holds the sync to a real bucket.
  shopify = await startShopifySystem({
    simulator: { bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 } },
  });
  // A new workspace: nothing of this store is mirrored yet.
  token = await shopify.system.tokenFor(randomUUID());
  ({ connectionId } = await shopify.connect({ shop: SHOP, token }));
}, 120_000);

afterAll(async () => {
  await shopify?.stop();
});

describe('a store connected in a new workspace', () => {
  it('is subscribed to the eight topics at the gateway, backfilled with bulk operations, and shows lastSyncedAt', async () => {
    expect(await shopify.settled(connectionId)).toBe('IDLE');
    const subscriptions = await subscriptionsOf(SHOP);
    expect(subscriptions.map((s) => s.topic).sort()).toEqual(
      [
        'APP_UNINSTALLED',
        'ORDERS_CREATE',
        'ORDERS_FULFILLED',
        'ORDERS_PAID',
        'ORDERS_UPDATED',
        'PRODUCTS_CREATE',
        'PRODUCTS_UPDATE',
        'SHOP_UPDATE',
      ].sort(),
    );
    expect(
      subscriptions.every((s) => s.endpoint.callbackUrl === `${shopify.publicUrl}/webhooks/shopify`),
    ).toBe(true);

    const { body } = await postGraphQL<{
      shopifyConnections: {
        id: string;
        syncStatus: string;
        lastSyncedAt: string | null;
        currency: string;
        ianaTimezone: string;
        shopName: string;
      }[];
      integrationConnections: { id: string; syncStatus: string; lastSyncedAt: string | null }[];
    }>(
      shopify.system.gatewayUrl,
      '{ shopifyConnections { id syncStatus lastSyncedAt currency ianaTimezone shopName } integrationConnections { id syncStatus lastSyncedAt } }',
      { token },
    );
    const [connection] = body.data?.shopifyConnections ?? [];
    expect(connection).toMatchObject({
      id: connectionId,
      syncStatus: 'IDLE',
      currency: 'USD',
      ianaTimezone: TIMEZONE,
      shopName: 'Ionflux Demo',
    });
    expect(Date.now() - Date.parse(connection?.lastSyncedAt ?? '')).toBeLessThan(120_000);
    expect(body.data?.integrationConnections).toEqual([
      { id: connectionId, syncStatus: 'IDLE', lastSyncedAt: connection?.lastSyncedAt },
    ]);

    expect(await mirroredOrders(connectionId)).toBe(await adminOrderCount(SHOP));
    const [products] = await shopify.sql<{ n: number }[]>`
      select count(*)::int as n from shopify.products where connection_id = ${connectionId}`;
    expect(products?.n).toBe(50);
    const calls = shopify.simulator
      .requests()
      .filter((r) => r.shop === SHOP)
      .map((r) => r.operation);
    expect(calls.filter((name) => name === 'IonfluxBulkOperationRunQuery')).toHaveLength(2);
    expect(calls).not.toContain('IonfluxMirrorOrders');
  });

  it('answers revenueSummary equal to the store’s own Admin API figures, per day of the shop’s timezone', async () => {
    const to = new Date(Date.now() + DAY);
    const from = new Date(Date.now() - 100 * DAY);
    const ours = await expectSameRevenue(from, to, TIMEZONE);
    expect(ours).toMatchObject({ currency: 'USD', ianaTimezone: TIMEZONE });
    expect(ours.orderCount).toBeGreaterThan(1800);
    // Buckets are local days: each starts at local midnight (the first one at `from`).
    for (const bucket of ours.series.slice(1)) {
      expect(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: TIMEZONE,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(bucket.start)),
      ).toBe('00:00');
    }
    // A window that starts and ends mid-hour, days apart: whole days, whole hours and raw orders combined.
    await expectSameRevenue(
      new Date(Date.now() - 47 * DAY - 3_700_000),
      new Date(Date.now() - 9 * DAY + 1_234_567),
      TIMEZONE,
    );
    // Weeks and months add up to the same totals.
    const [week, month] = await Promise.all([summary(from, to, 'WEEK'), summary(from, to, 'MONTH')]);
    for (const other of [week, month]) {
      expect(other.totalSales.amount).toBe(ours.totalSales.amount);
      expect(decimal(other.series.reduce((sum, bucket) => sum + cents(bucket.totalSales.amount), 0n))).toBe(
        ours.totalSales.amount,
      );
    }
    expect(week.series.length).toBeGreaterThanOrEqual(14);
    expect(month.series.length).toBeGreaterThanOrEqual(4);
  });

  it('moves the bucket of the day an old order was created when it is refunded late (webhook)', async () => {
    const from = new Date(Date.now() - 100 * DAY);
    const to = new Date(Date.now() + DAY);
    const before = await summary(from, to, 'DAY');
    const [old] = await shopify.sql<{ orderId: string; createdAt: Date; current: string }[]>`
      select order_id as "orderId", created_at as "createdAt", current_total_price::text as current
      from shopify.orders
      where connection_id = ${connectionId} and not test and cancelled_at is null and total_refunded = 0
        and created_at < now() - interval '60 days' and current_total_price > 10
      order by created_at limit 1`;
    if (!old) throw new Error('no old order to refund');
    shopify.simulator.refundOrder(SHOP, old.orderId, '7.25', 'late refund');
    const day = localDate(old.createdAt, TIMEZONE);
    let after = before;
    const deadline = Date.now() + 15_000;
    while (after.refunds.amount === before.refunds.amount) {
      if (Date.now() > deadline) throw new Error('the refund did not reach the mirror');
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await summary(from, to, 'DAY');
    }
    expect(cents(after.refunds.amount) - cents(before.refunds.amount)).toBe(725n);
    expect(cents(before.totalSales.amount) - cents(after.totalSales.amount)).toBe(725n);
    const changed = after.series.filter(
      (bucket, index) => bucket.totalSales.amount !== before.series[index]?.totalSales.amount,
    );
    expect(changed.map((bucket) => localDate(new Date(bucket.start), TIMEZONE))).toEqual([day]);
    await expectSameRevenue(from, to, TIMEZONE);
  });

  it('re-creates a subscription Shopify deleted, and the reconciliation mirrors the order its webhook missed', async () => {
    const lost = (await subscriptionsOf(SHOP)).find((s) => s.topic === 'ORDERS_CREATE');
    const adminToken = shopify.simulator.issueAccessToken(SHOP, ['read_products']).access_token;
    const url = `${shopify.simulator.adminOriginTemplate.replace('{shop}', SHOP)}/admin/api/${shopify.simulator.apiVersion}/graphql.json`;
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': adminToken },
      body: JSON.stringify({
        query: `mutation { webhookSubscriptionDelete(id: "${lost?.id}") { deletedWebhookSubscriptionId } }`,
      }),
    });
    // Created unpaid: without orders/create no webhook announces it.
    const order = shopify.simulator.createOrder(SHOP, { financialStatus: 'PENDING' });
    await shopify.simulator.webhooksIdle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const held =
      await shopify.sql`select 1 from shopify.orders where connection_id = ${connectionId} and order_id = ${order.admin_graphql_api_id}`;
    expect(held).toHaveLength(0);

    const { body } = await postGraphQL<{ syncShopifyConnection: { syncStatus: string } }>(
      shopify.system.gatewayUrl,
      'mutation ($c: ID!) { syncShopifyConnection(connectionId: $c) { syncStatus } }',
      { token, variables: { c: connectionId } },
    );
    expect(body.data?.syncShopifyConnection.syncStatus).toBe('RUNNING');
    const lastBefore = await lastSyncedAt();
    await waitFor(async () => (await lastSyncedAt()) !== lastBefore);
    expect(await shopify.settled(connectionId)).toBe('IDLE');
    const mirrored =
      await shopify.sql`select 1 from shopify.orders where connection_id = ${connectionId} and order_id = ${order.admin_graphql_api_id}`;
    expect(mirrored).toHaveLength(1);
    // The reconciliation read only what changed since the last sync minus the overlap, with a bulk query.
    const bulk = shopify.simulator
      .requests()
      .filter((r) => r.shop === SHOP && r.operation === 'IonfluxBulkOperationRunQuery');
    expect(bulk.length).toBe(4);

    // The periodic reconciler (its cron slot, run now) re-creates the deleted subscription.
    await shopify.sql`select graphile_worker.add_job('shopify.webhooks.reconcile', '{}'::json)`;
    await waitFor(async () => (await subscriptionsOf(SHOP)).some((s) => s.topic === 'ORDERS_CREATE'));
  });

  it('reads with paged queries when a bulk operation fails, ending in the same mirror', async () => {
    const shop = 'bulk-fallback.myshopify.com';
    shopify.simulator.failNextBulkOperations(2, 'INTERNAL_SERVER_ERROR');
    const { connectionId: id } = await shopify.connect({ shop, token });
    expect(await shopify.settled(id)).toBe('IDLE');
    expect(await mirroredOrders(id)).toBe(await adminOrderCount(shop));
    const calls = shopify.simulator
      .requests()
      .filter((r) => r.shop === shop)
      .map((r) => r.operation);
    expect(calls).toContain('IonfluxMirrorOrders');
    expect(calls).toContain('IonfluxMirrorProducts');
  });

  it('disconnecting removes the store’s subscriptions, unless another workspace still holds the store', async () => {
    const shop = 'shared-subscriptions.myshopify.com';
    const tokenA = await shopify.system.tokenFor(randomUUID());
    const tokenB = await shopify.system.tokenFor(randomUUID());
    const a = await shopify.connect({ shop, token: tokenA });
    const b = await shopify.connect({ shop, token: tokenB });
    await shopify.settled(a.connectionId);
    await shopify.settled(b.connectionId);
    expect(await subscriptionsOf(shop)).toHaveLength(8);
    const disconnect = (id: string, as: string) =>
      postGraphQL<{ disconnectShopifyConnection: { status: string; syncStatus: string | null } }>(
        shopify.system.gatewayUrl,
        'mutation ($c: ID!) { disconnectShopifyConnection(connectionId: $c) { status syncStatus } }',
        { token: as, variables: { c: id } },
      );
    expect((await disconnect(a.connectionId, tokenA)).body.data?.disconnectShopifyConnection).toEqual({
      status: 'DISCONNECTED',
      syncStatus: null,
    });
    expect(await subscriptionsOf(shop)).toHaveLength(8);
    await disconnect(b.connectionId, tokenB);
    expect(await subscriptionsOf(shop)).toEqual([]);
  });

  it('keeps currency and timezone current from shop/update, re-keying the days of revenueSummary', async () => {
    await shopify.settled(connectionId);
    shopify.simulator.updateShop(SHOP, { ianaTimezone: 'Asia/Kolkata', name: 'Demo, Renamed' });
    await waitFor(async () => {
      const { body } = await postGraphQL<{
        shopifyConnections: { id: string; ianaTimezone: string; shopName: string }[];
      }>(shopify.system.gatewayUrl, '{ shopifyConnections { id ianaTimezone shopName } }', { token });
      const connection = body.data?.shopifyConnections.find((c) => c.id === connectionId);
      return connection?.ianaTimezone === 'Asia/Kolkata' && connection.shopName === 'Demo, Renamed';
    });
    const ours = await expectSameRevenue(
      new Date(Date.now() - 100 * DAY),
      new Date(Date.now() + DAY),
      'Asia/Kolkata',
    );
    expect(ours.ianaTimezone).toBe('Asia/Kolkata');
  });

  it('shows FAILED with the error code when the store refuses the sync (401), and IDLE again once reconnected', async () => {
    const shop = 'sync-refused.myshopify.com';
    const { connectionId: id } = await shopify.connect({ shop, token });
    expect(await shopify.settled(id)).toBe('IDLE');
    const view = async () => {
      const { body } = await postGraphQL<{
        shopifyConnections: {
          id: string;
          status: string;
          syncStatus: string;
          syncErrorCode: string | null;
          lastSyncedAt: string | null;
        }[];
        integrationConnections: { id: string; syncStatus: string }[];
      }>(
        shopify.system.gatewayUrl,
        '{ shopifyConnections { id status syncStatus syncErrorCode lastSyncedAt } integrationConnections { id syncStatus } }',
        { token },
      );
      expect(body.errors).toBeUndefined();
      return {
        connection: body.data?.shopifyConnections.find((c) => c.id === id),
        integration: body.data?.integrationConnections.find((c) => c.id === id),
      };
    };
    const backfilled = (await view()).connection?.lastSyncedAt;
    expect(backfilled).toEqual(expect.any(String));

    // Shopify answers 401 once the app's token is revoked (uninstalled, or the webhook was lost).
    const fault = shopify.simulator.addFault({
      kind: 'status',
      status: 401,
      path: `^/store/${shop.replaceAll('.', '\\.')}/admin/api/`,
      body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
    });
    const { body } = await postGraphQL<{ syncShopifyConnection: { syncStatus: string } }>(
      shopify.system.gatewayUrl,
      'mutation ($c: ID!) { syncShopifyConnection(connectionId: $c) { syncStatus } }',
      { token, variables: { c: id } },
    );
    expect(body.data?.syncShopifyConnection.syncStatus).toBe('RUNNING');
    expect(await shopify.settled(id)).toBe('FAILED');
    const failed = await view();
    expect(failed.connection).toEqual({
      id,
      status: 'NEEDS_REAUTH',
      syncStatus: 'FAILED',
      syncErrorCode: 'INTEGRATION_AUTH_INVALID',
      lastSyncedAt: backfilled,
    });
    expect(failed.integration).toEqual({ id, syncStatus: 'FAILED' });
    expect(shopify.simulator.faults().find((f) => f.id === fault.id)?.applied).toBeGreaterThan(0);
    // Not retried: a revoked authorization does not come back by asking again.
    const applied = shopify.simulator.faults().find((f) => f.id === fault.id)?.applied;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(shopify.simulator.faults().find((f) => f.id === fault.id)?.applied).toBe(applied);

    shopify.simulator.clearFaults();
    const again = await shopify.connect({ shop, token });
    expect(again.connectionId).toBe(id);
    expect(await shopify.settled(id)).toBe('IDLE');
    const recovered = (await view()).connection;
    expect(recovered).toMatchObject({ status: 'CONNECTED', syncStatus: 'IDLE', syncErrorCode: null });
    expect(Date.parse(recovered?.lastSyncedAt ?? '')).toBeGreaterThan(Date.parse(backfilled ?? ''));
  });
});

async function lastSyncedAt(): Promise<string | null> {
  const [row] = await shopify.sql<{ at: string | null }[]>`
    select last_synced_at::text as at from kit.integration_connections where id = ${connectionId}`;
  return row?.at ?? null;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
