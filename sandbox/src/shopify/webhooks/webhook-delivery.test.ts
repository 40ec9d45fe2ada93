import { createHmac } from 'node:crypto';
import {
  ALL_READ_SCOPES,
  API_SECRET,
  postGraphql,
  startReceiver,
  startTestSimulator,
  waitFor,
} from '@ionflux/testing/shopify-simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';

let simulator: ShopifySimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let token: string;

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startTestSimulator({ complianceWebhookUrl: receiver.url });
  token = simulator.issueAccessToken(simulator.demoShop, ALL_READ_SCOPES).access_token;
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
afterEach(() => {
  receiver.received.length = 0;
});

async function subscribe(topic: string, url = receiver.url): Promise<string> {
  const response = await postGraphql(
    simulator,
    token,
    `mutation ($topic: WebhookSubscriptionTopic!, $url: URL!) {
      webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
        webhookSubscription { id topic } userErrors { field message }
      }
    }`,
    { topic, url },
  );
  const payload = response.body.data?.['webhookSubscriptionCreate'] as {
    webhookSubscription: { id: string } | null;
    userErrors: unknown[];
  };
  expect(payload.userErrors).toEqual([]);
  return payload.webhookSubscription?.id ?? '';
}

/** Independent of the simulator's code: base64 HMAC-SHA256 of the raw bytes. */
const hmacOf = (raw: Buffer): string => createHmac('sha256', API_SECRET).update(raw).digest('base64');

describe('webhook delivery', () => {
  it('POSTs orders/create with every X-Shopify-* header and an HMAC of the raw body', async () => {
    await subscribe('ORDERS_CREATE');
    const order = simulator.createOrder(simulator.demoShop, {
      lineItems: [{ variantId: 'gid://shopify/ProductVariant/44100000000000', quantity: 2 }],
    });
    await waitFor(() => receiver.received.length >= 1);
    const [delivery] = receiver.received;
    if (!delivery) throw new Error('no delivery');
    expect(delivery.headers['x-shopify-hmac-sha256']).toBe(hmacOf(delivery.rawBody));
    expect(delivery.headers['x-shopify-topic']).toBe('orders/create');
    expect(delivery.headers['x-shopify-shop-domain']).toBe(simulator.demoShop);
    expect(delivery.headers['x-shopify-api-version']).toBe('2025-04');
    expect(delivery.headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery.headers['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery.headers['x-shopify-triggered-at']).toBeTruthy();
    const body = JSON.parse(delivery.rawBody.toString('utf8')) as Record<string, unknown>;
    expect(body['id']).toBe(order.id);
    expect(body['admin_graphql_api_id']).toBe(`gid://shopify/Order/${order.id}`);
    expect(body['total_price']).toMatch(/^\d+\.\d{2}$/);
    expect((body['line_items'] as { quantity: number }[])[0]?.quantity).toBe(2);
    expect(body['total_price_set']).toMatchObject({ shop_money: { currency_code: 'USD' } });
  });

  it('the subscription is visible through webhookSubscriptions and can be deleted', async () => {
    const id = await subscribe('PRODUCTS_UPDATE');
    const listed = await postGraphql(
      simulator,
      token,
      '{ webhookSubscriptions(first: 10, topics: [PRODUCTS_UPDATE]) { nodes { id topic endpoint { ... on WebhookHttpEndpoint { callbackUrl } } } } }',
    );
    expect(listed.body.data?.['webhookSubscriptions']).toEqual({
      nodes: [{ id, topic: 'PRODUCTS_UPDATE', endpoint: { callbackUrl: receiver.url } }],
    });
    const duplicate = await postGraphql(
      simulator,
      token,
      `mutation { webhookSubscriptionCreate(topic: PRODUCTS_UPDATE, webhookSubscription: {callbackUrl: "${receiver.url}"}) { userErrors { field message } } }`,
    );
    expect(duplicate.body.data?.['webhookSubscriptionCreate']).toEqual({
      userErrors: [
        {
          field: ['webhookSubscription', 'callbackUrl'],
          message: 'Address for this topic has already been taken',
        },
      ],
    });
    const deleted = await postGraphql(
      simulator,
      token,
      'mutation ($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }',
      { id },
    );
    expect(deleted.body.data?.['webhookSubscriptionDelete']).toEqual({
      deletedWebhookSubscriptionId: id,
      userErrors: [],
    });
  });

  it('retries a failed delivery with the same webhook id until it succeeds', async () => {
    await subscribe('INVENTORY_LEVELS_UPDATE');
    receiver.replies.push(500, 503);
    simulator.changeInventory(simulator.demoShop, { sku: 'CLASSIC-ZIP--S', available: 7 });
    await waitFor(
      () =>
        receiver.received.filter((r) => r.headers['x-shopify-topic'] === 'inventory_levels/update').length >=
        3,
    );
    const attempts = receiver.received.filter(
      (r) => r.headers['x-shopify-topic'] === 'inventory_levels/update',
    );
    expect(new Set(attempts.map((a) => a.headers['x-shopify-webhook-id'])).size).toBe(1);
    expect(JSON.parse(attempts[2]?.rawBody.toString() ?? '{}')).toMatchObject({ available: 7 });
    await simulator.webhooksIdle();
    const log = simulator.deliveries({ topic: 'inventory_levels/update' });
    expect(log[0]?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(log[0]?.state).toBe('delivered');
  });

  it('sends duplicates on demand with the same event id and a new webhook id', async () => {
    await subscribe('ORDERS_CANCELLED');
    const order = simulator.createOrder(simulator.demoShop);
    simulator.duplicateNextDeliveries(1);
    simulator.cancelOrder(simulator.demoShop, order.id);
    await waitFor(
      () => receiver.received.filter((r) => r.headers['x-shopify-topic'] === 'orders/cancelled').length >= 2,
    );
    const [a, b] = receiver.received.filter((r) => r.headers['x-shopify-topic'] === 'orders/cancelled');
    expect(a?.headers['x-shopify-event-id']).toBe(b?.headers['x-shopify-event-id']);
    expect(a?.headers['x-shopify-webhook-id']).not.toBe(b?.headers['x-shopify-webhook-id']);
    expect(a?.rawBody.equals(b?.rawBody ?? Buffer.alloc(0))).toBe(true);
  });

  it('sends the compliance webhooks to the configured URL', async () => {
    simulator.sendComplianceWebhook(simulator.demoShop, 'customers/data_request');
    simulator.sendComplianceWebhook(simulator.demoShop, 'customers/redact');
    simulator.sendComplianceWebhook(simulator.demoShop, 'shop/redact');
    await waitFor(() => receiver.received.length >= 3);
    const byTopic = Object.fromEntries(
      receiver.received.map((r) => [
        r.headers['x-shopify-topic'],
        JSON.parse(r.rawBody.toString()) as Record<string, unknown>,
      ]),
    );
    expect(Object.keys(byTopic).sort()).toEqual([
      'customers/data_request',
      'customers/redact',
      'shop/redact',
    ]);
    expect(byTopic['customers/data_request']).toMatchObject({
      shop_domain: simulator.demoShop,
      customer: { email: expect.any(String) },
      data_request: { id: expect.any(Number) },
    });
    expect(byTopic['customers/redact']).toHaveProperty('orders_to_redact');
    expect(Object.keys(byTopic['shop/redact'] ?? {}).sort()).toEqual(['shop_domain', 'shop_id']);
    for (const r of receiver.received) expect(r.headers['x-shopify-hmac-sha256']).toBe(hmacOf(r.rawBody));
  });

  it('uninstalling sends app/uninstalled, then revokes the tokens', async () => {
    const shop = 'uninstall-me.myshopify.com';
    const own = simulator.issueAccessToken(shop, ['read_products']).access_token;
    const url = `${simulator.adminOriginTemplate.replace('{shop}', shop)}/admin/api/2025-04/graphql.json`;
    const call = (query: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': own },
        body: JSON.stringify({ query }),
      });
    const created = await call(
      `mutation { webhookSubscriptionCreate(topic: APP_UNINSTALLED, webhookSubscription: {callbackUrl: "${receiver.url}"}) { userErrors { message } } }`,
    );
    expect(created.status).toBe(200);
    expect(simulator.uninstallApp(shop)).toEqual({ revokedTokens: 1 });
    await waitFor(() => receiver.received.some((r) => r.headers['x-shopify-topic'] === 'app/uninstalled'));
    const delivery = receiver.received.find((r) => r.headers['x-shopify-topic'] === 'app/uninstalled');
    expect(JSON.parse(delivery?.rawBody.toString() ?? '{}')).toMatchObject({
      myshopify_domain: shop,
      domain: shop,
    });
    expect((await call('{ shop { id } }')).status).toBe(401);
  });

  it('fulfilling an order sends orders/fulfilled, then orders/updated', async () => {
    await subscribe('ORDERS_FULFILLED');
    await subscribe('ORDERS_UPDATED');
    const order = simulator.createOrder(simulator.demoShop);
    const fulfilled = simulator.fulfillOrder(simulator.demoShop, order.id);
    expect(fulfilled.id).toBe(order.id);
    const fulfilment = () =>
      receiver.received.filter((r) =>
        ['orders/fulfilled', 'orders/updated'].includes(String(r.headers['x-shopify-topic'])),
      );
    await waitFor(() => fulfilment().length >= 2);
    expect(fulfilment().map((r) => r.headers['x-shopify-topic'])).toEqual([
      'orders/fulfilled',
      'orders/updated',
    ]);
    const payload = JSON.parse(fulfilment()[0]?.rawBody.toString() ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      admin_graphql_api_id: order.admin_graphql_api_id,
      fulfillment_status: 'fulfilled',
    });
    expect(() => simulator.fulfillOrder(simulator.demoShop, order.id)).toThrow(/already fulfilled/);
  });

  it('changing the shop sends shop/update and the Admin API shows the new name and timezone', async () => {
    await subscribe('SHOP_UPDATE');
    const changed = simulator.updateShop(simulator.demoShop, {
      name: 'Renamed Demo',
      ianaTimezone: 'Asia/Kolkata',
    });
    const update = () => receiver.received.find((r) => r.headers['x-shopify-topic'] === 'shop/update');
    await waitFor(() => update() !== undefined);
    const payload = JSON.parse(update()?.rawBody.toString() ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({ name: 'Renamed Demo', iana_timezone: 'Asia/Kolkata' });
    expect(new Date(String(payload['updated_at'])).toISOString()).toBe(changed.updatedAt);
    const shop = await postGraphql(simulator, token, '{ shop { name ianaTimezone updatedAt } }');
    const read = shop.body.data?.['shop'] as { name: string; ianaTimezone: string; updatedAt: string };
    expect({ ...read, updatedAt: new Date(read.updatedAt).toISOString() }).toEqual({
      name: 'Renamed Demo',
      ianaTimezone: 'Asia/Kolkata',
      updatedAt: changed.updatedAt,
    });
    expect(() => simulator.updateShop(simulator.demoShop, { ianaTimezone: 'Mars/Olympus' })).toThrow(/IANA/);
    simulator.updateShop(simulator.demoShop, { name: 'Ionflux Demo', ianaTimezone: 'America/New_York' });
  });
});
