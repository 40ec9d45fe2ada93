import { createHmac, randomUUID } from 'node:crypto';
import { postGraphQL } from '@ionflux/testing/http';
import {
  type DocExampleTopic,
  docExampleFor,
  SHOPIFY_DOC_EXAMPLE_TOPICS,
  type ShopifySystem,
  startShopifySystem,
} from '@ionflux/testing/shopify';
import { connectWs, eventually, type Subscription, subscribeWs } from '@ionflux/testing/subscriptions';
import { connectShopifyStore } from '@ionflux/testing/system';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// POST /webhooks/shopify at the gateway's public origin, as Shopify delivers: base64 HMAC of the raw body
// with the app secret. Shopify's documented example payloads, forged and repeated deliveries, and
// deliveries out of order.

let shopify: ShopifySystem;
/** Shopify's signature, computed here: base64 HMAC-SHA256 of the raw body. */
const signBody = (body: Buffer, secret: string) => createHmac('sha256', secret).update(body).digest('base64');
const clients: Client[] = [];
const subscriptions: Subscription[] = [];

interface Delivery {
  topic: string;
  shop: string;
  body: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
  hmac?: string;
}

function deliver(delivery: Delivery): Promise<Response> {
  return fetch(`${shopify.publicUrl}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': delivery.topic,
      'x-shopify-shop-domain': delivery.shop,
      'x-shopify-api-version': '2026-04',
      'x-shopify-webhook-id': delivery.webhookId ?? randomUUID(),
      ...(delivery.eventId ? { 'x-shopify-event-id': delivery.eventId } : {}),
      'x-shopify-triggered-at': delivery.triggeredAt ?? new Date().toISOString(),
      'x-shopify-hmac-sha256': delivery.hmac ?? signBody(Buffer.from(delivery.body), shopify.apiSecret),
    },
    body: delivery.body,
  });
}

async function connect(shop: string, workspaceId = shopify.system.workspaceId): Promise<string> {
  return connectShopifyStore({
    databaseUrl: shopify.system.databaseUrl,
    simulator: shopify.simulator,
    keys: shopify.keys,
    workspaceId,
    userId: shopify.system.userId,
    shop,
    scopes: ['read_orders', 'read_products'],
  });
}

async function waitForDelivery(topic: string, shop: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await shopify.sql<{ status: string }[]>`
      select status from kit.webhook_deliveries where topic = ${topic} and account_id = ${shop}
      order by received_at desc limit 1`;
    if (row && ['PROCESSED', 'DEAD'].includes(row.status)) return row.status;
    if (Date.now() > deadline) throw new Error(`${topic} for ${shop} was not processed: ${row?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What each documented example leaves in the store's mirror (or the connection) once applied. */
async function appliedState(topic: DocExampleTopic, shop: string, connectionId: string): Promise<unknown> {
  switch (topic) {
    case 'orders/create':
    case 'orders/updated':
    case 'orders/paid':
    case 'orders/fulfilled':
      return shopify.sql`
        select order_id, name, total_price::text, current_total_price::text, test from shopify.orders
        where connection_id = ${connectionId}`;
    case 'products/create':
    case 'products/update':
      return shopify.sql`
        select p.product_id, p.title, count(v.*)::int as variants from shopify.products as p
        join shopify.product_variants as v using (connection_id, product_id)
        where p.connection_id = ${connectionId} group by p.product_id, p.title`;
    case 'shop/update':
      return shopify.sql`select name, currency, plan from shopify.shops where connection_id = ${connectionId}`;
    case 'app/uninstalled':
      return shopify.sql`select status from kit.integration_connections where id = ${connectionId}`;
    case 'customers/data_request':
    case 'customers/redact':
    case 'shop/redact':
      return shopify.sql`
        select topic, customer_id, order_ids from shopify.privacy_requests where shop_domain = ${shop}`;
    default: {
      const unknown: never = topic;
      throw new Error(`no expectation for ${String(unknown)}`);
    }
  }
}

const EXPECTED: Record<DocExampleTopic, unknown> = {
  'orders/create': [
    {
      order_id: 'gid://shopify/Order/820982911946154508',
      name: '#9999',
      total_price: '404.95',
      current_total_price: '414.95',
      test: true,
    },
  ],
  'orders/updated': 'same as orders/create',
  'orders/paid': 'same as orders/create',
  'orders/fulfilled': 'same as orders/create',
  'products/create': [
    { product_id: 'gid://shopify/Product/788032119674292922', title: 'Example T-Shirt', variants: 2 },
  ],
  'products/update': 'same as products/create',
  'shop/update': [{ name: 'Super Toys', currency: 'USD', plan: 'Shopify Plus' }],
  'app/uninstalled': [{ status: 'DISCONNECTED' }],
  'customers/data_request': [
    { topic: 'customers/data_request', customer_id: '191167', order_ids: ['299938', '280263', '220458'] },
  ],
  'customers/redact': [
    { topic: 'customers/redact', customer_id: '191167', order_ids: ['299938', '280263', '220458'] },
  ],
  'shop/redact': [{ topic: 'shop/redact', customer_id: null, order_ids: [] }],
};

const expected = (topic: DocExampleTopic) => {
  const value = EXPECTED[topic];
  if (value === 'same as orders/create') return EXPECTED['orders/create'];
  if (value === 'same as products/create') return EXPECTED['products/create'];
  return value;
};

beforeAll(async () => {
  shopify = await startShopifySystem();
}, 120_000);

afterAll(async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  for (const client of clients) await client.dispose();
  await shopify?.stop();
});

describe('POST /webhooks/shopify through the gateway', () => {
  it.each(SHOPIFY_DOC_EXAMPLE_TOPICS)(
    "acknowledges Shopify's documented %s example, signed, with 200 and applies it",
    async (topic) => {
      const shop = `doc-${topic.replace(/[/_]/g, '-')}.myshopify.com`;
      const connectionId = await connect(shop);
      const answer = await deliver({ topic, shop, body: docExampleFor(topic, shop), eventId: randomUUID() });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ received: true, duplicate: false });
      expect(await waitForDelivery(topic, shop)).toBe('PROCESSED');
      expect(await appliedState(topic, shop, connectionId)).toEqual(expected(topic));
    },
  );

  it('refuses a wrong HMAC with 401 and stores nothing, for a forged signature and for a body changed after signing', async () => {
    const shop = 'forged.myshopify.com';
    await connect(shop);
    const body = docExampleFor('orders/create', shop);
    const webhookId = randomUUID();
    const forged = await deliver({
      topic: 'orders/create',
      shop,
      body,
      webhookId,
      hmac: signBody(Buffer.from(body), 'not-the-secret'),
    });
    const tampered = await deliver({
      topic: 'orders/create',
      shop,
      webhookId,
      body: body.replace('"404.95"', '"0.01"'),
      hmac: signBody(Buffer.from(body), shopify.apiSecret),
    });
    for (const answer of [forged, tampered]) {
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
    expect(await shopify.sql`select 1 from kit.webhook_deliveries where account_id = ${shop}`).toHaveLength(
      0,
    );
    expect(
      await shopify.sql`select 1 from shopify.orders o join kit.integration_connections c on c.id = o.connection_id where c.account_id = ${shop}`,
    ).toHaveLength(0);
  });

  it('stores the same delivery once and announces its change once; deliveries out of order end in the newest state', async () => {
    const shop = 'repeated.myshopify.com';
    const brandId = randomUUID();
    const workspaceId = randomUUID();
    // A connection of this workspace and brand (through the kit, as the OAuth callback stores it).
    const connectionId = await connect(shop, workspaceId);
    await shopify.sql`update kit.integration_connections set owner_id = ${brandId} where id = ${connectionId}`;
    const client = connectWs(shopify.system.gatewayUrl, await shopify.system.tokenFor(workspaceId));
    clients.push(client);
    const events = subscribeWs(
      client,
      'subscription ($b: ID!) { shopifySalesEvents(brandId: $b) { id kind order { id totalPrice { amount } } } }',
      { b: brandId },
    );
    subscriptions.push(events);
    await eventually(
      () => shopify.system.gateway.subscriptions.stats().upstreamSubscriptions >= 1,
      10_000,
      'upstream',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const order = (updatedAt: string, refunded: boolean) =>
      JSON.stringify({
        id: 7001,
        admin_graphql_api_id: 'gid://shopify/Order/7001',
        name: '#7001',
        created_at: '2026-11-30T10:00:00-05:00',
        updated_at: updatedAt,
        test: false,
        cancelled_at: null,
        financial_status: refunded ? 'partially_refunded' : 'paid',
        fulfillment_status: null,
        currency: 'USD',
        presentment_currency: 'USD',
        total_price: '80.00',
        current_total_price: refunded ? '50.00' : '80.00',
        line_items: [
          {
            id: 1,
            product_id: 5,
            variant_id: 6,
            title: 'Mug',
            quantity: 2,
            price: '40.00',
            total_discount: '0.00',
          },
        ],
        refunds: refunded
          ? [
              {
                id: 99,
                transactions: [{ kind: 'refund', status: 'success', amount: '30.00', currency: 'USD' }],
              },
            ]
          : [],
      });
    const created = {
      topic: 'orders/create',
      shop,
      body: order('2026-11-30T10:00:00-05:00', false),
      eventId: randomUUID(),
      webhookId: randomUUID(),
      triggeredAt: new Date(Date.now() - 7_200_000).toISOString(),
    };
    const refunded = {
      topic: 'orders/updated',
      shop,
      body: order('2026-11-30T11:00:00-05:00', true),
      eventId: randomUUID(),
      webhookId: randomUUID(),
      triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    // The refund arrives first; the creation after it; each twice (a retry, then a duplicate of the event).
    for (const delivery of [refunded, refunded, created, { ...created, webhookId: randomUUID() }]) {
      expect((await deliver(delivery)).status).toBe(200);
    }
    const answers = await Promise.all([deliver(refunded), deliver({ ...refunded, webhookId: randomUUID() })]);
    expect(
      await Promise.all(answers.map(async (answer) => (await answer.json()) as { duplicate: boolean })),
    ).toEqual([
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    const stored =
      await shopify.sql`select topic from kit.webhook_deliveries where account_id = ${shop} order by received_at`;
    expect(stored.map((row) => row['topic'])).toEqual(['orders/updated', 'orders/create']);
    // Applied in any order by the worker's concurrent jobs: wait for both before reading the outcome.
    expect(await waitForDelivery('orders/updated', shop)).toBe('PROCESSED');
    expect(await waitForDelivery('orders/create', shop)).toBe('PROCESSED');
    const [state] = await shopify.sql`
      select current_total_price::text as current, total_refunded::text as refunded, financial_status
      from shopify.orders where connection_id = ${connectionId}`;
    expect(state).toEqual({ current: '50.00', refunded: '30.00', financial_status: 'PARTIALLY_REFUNDED' });
    const [rollup] = await shopify.sql`
      select order_count, total_sales::text as sales from shopify.order_rollups
      where connection_id = ${connectionId} and grain = 'day'`;
    expect(rollup).toEqual({ order_count: 1, sales: '50.00' });
    await events.waitForResults(3);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const kinds = events.results.map(
      (result) => (result.data as { shopifySalesEvents: { kind: string } }).shopifySalesEvents.kind,
    );
    // First seen refunded: new, paid and refunded, once each, whatever arrived twice or late.
    expect(kinds.sort()).toEqual(['NEW_ORDER', 'ORDER_PAID', 'ORDER_REFUNDED']);
  });

  it('refuses an authentic body that is not JSON with 400 and stores nothing, while deliveries sent with it are stored', async () => {
    const shop = 'broken-body.myshopify.com';
    await connect(shop);
    // Real-shaped orders (13-digit ids) are stored as sent, unparsed at ingest: PostgreSQL's json input
    // finds the broken one, which fails its batch; the batch is then stored one delivery at a time.
    const order = (id: number) =>
      JSON.stringify({ id, name: `#${id}`, updated_at: '2026-11-30T10:00:00Z', total_price: '10.00' });
    const broken = `${order(7_100_000_000_000).slice(0, -1)}, "line_items": [`;
    const bodies = [...Array.from({ length: 30 }, (_, index) => order(7_100_000_000_001 + index)), broken];
    const answers = await Promise.all(
      bodies.map((body) => deliver({ topic: 'orders/create', shop, body, eventId: randomUUID() })),
    );
    expect(answers.slice(0, 30).map((answer) => answer.status)).toEqual(Array(30).fill(200));
    const refused = answers[30] as Response;
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: { code: 'INVALID_REQUEST', message: 'The delivery’s body is not valid JSON.' },
    });
    const stored = await shopify.sql<{ text: string }[]>`
      select payload::text as text from kit.webhook_deliveries where account_id = ${shop}`;
    expect(stored.map((row) => row.text).sort()).toEqual(bodies.slice(0, 30).sort());
  });

  it('answers in milliseconds while the deliveries wait for the worker (absorbed by the queue)', async () => {
    const shop = 'burst-small.myshopify.com';
    await connect(shop);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        deliver({
          topic: 'orders/create',
          shop,
          eventId: randomUUID(),
          body: JSON.stringify({
            id: 8000 + index,
            admin_graphql_api_id: `gid://shopify/Order/${8000 + index}`,
            name: `#${8000 + index}`,
            created_at: '2026-11-30T10:00:00Z',
            updated_at: '2026-11-30T10:00:00Z',
            currency: 'USD',
            total_price: '10.00',
            line_items: [],
          }),
        }),
      ),
    );
    const elapsed = performance.now() - started;
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    console.log(`200 concurrent deliveries acknowledged in ${elapsed.toFixed(0)} ms`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await shopify.sql<{ n: number }[]>`
        select count(*)::int as n from shopify.orders o join kit.integration_connections c on c.id = o.connection_id
        where c.account_id = ${shop}`;
      if (row?.n === 200) break;
      if (Date.now() > deadline) throw new Error(`only ${row?.n} of 200 applied`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('keeps ShopifyConnection.currency and ianaTimezone current from shop/update; an older shop/update changes nothing', async () => {
    const shop = 'shop-update.myshopify.com';
    const workspaceId = randomUUID();
    const token = await shopify.system.tokenFor(workspaceId);
    const connectionId = await connect(shop, workspaceId);
    const minute = 60_000;
    const now = Date.now();
    // Shopify's documented example with the shop's own version and timezone filled in, as a live shop sends.
    const update = async (currency: string, ianaTimezone: string, updatedAt: number) => {
      const body = JSON.parse(docExampleFor('shop/update', shop)) as Record<string, unknown>;
      Object.assign(body, {
        currency,
        iana_timezone: ianaTimezone,
        updated_at: new Date(updatedAt).toISOString(),
      });
      const answer = await deliver({ topic: 'shop/update', shop, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
      expect(await waitForDelivery('shop/update', shop)).toBe('PROCESSED');
      const { body: read } = await postGraphQL<{
        shopifyConnections: { id: string; currency: string | null; ianaTimezone: string | null }[];
      }>(shopify.system.gatewayUrl, '{ shopifyConnections { id currency ianaTimezone } }', { token });
      expect(read.errors).toBeUndefined();
      return read.data?.shopifyConnections.find((connection) => connection.id === connectionId);
    };
    expect(await update('EUR', 'Europe/Berlin', now - 2 * minute)).toEqual({
      id: connectionId,
      currency: 'EUR',
      ianaTimezone: 'Europe/Berlin',
    });
    // Delivered late: older than the mirrored shop by updated_at, so nothing changes.
    expect(await update('GBP', 'Europe/London', now - 5 * minute)).toEqual({
      id: connectionId,
      currency: 'EUR',
      ianaTimezone: 'Europe/Berlin',
    });
    expect(await update('CAD', 'America/Toronto', now - minute)).toEqual({
      id: connectionId,
      currency: 'CAD',
      ianaTimezone: 'America/Toronto',
    });
    const [stored] = await shopify.sql<{ currency: string; ianaTimezone: string }[]>`
      select currency, iana_timezone as "ianaTimezone" from shopify.shops where connection_id = ${connectionId}`;
    expect(stored).toEqual({ currency: 'CAD', ianaTimezone: 'America/Toronto' });
  });
});
