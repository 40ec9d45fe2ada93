import { randomUUID } from 'node:crypto';
import {
  createShopifyMirrorDatabase,
  docExampleFor,
  SHOPIFY_DOC_EXAMPLE_TOPICS,
  type ShopifyMirrorDatabase,
} from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyShopifyDelivery } from './apply-shopify-delivery.ts';
import { parseShopifyJson } from './parse-shopify-json.ts';

let mirror: ShopifyMirrorDatabase;
/** As Shopify sends it: a delivery and its duplicates carry the time the change's event fired. */
const firedAt = (payload: unknown) => ({
  'x-shopify-triggered-at': String((payload as { updated_at?: string }).updated_at ?? '2026-11-01T12:00:00Z'),
});
const deps = () => ({
  sql: mirror.database.sql,
  bus: mirror.bus,
  queue: mirror.queue,
  logger: mirror.logger,
});
const parse = (text: string) => {
  const parsed = parseShopifyJson(Buffer.from(text));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.body.payload;
};
const eventsOf = async (workspaceId: string) =>
  mirror.database.sql<{ kind: string; eventId: string }[]>`
    select e.payload ->> 'kind' as kind, e.payload ->> 'id' as "eventId" from kit.events as e
    where e.topic like ${`workspace:${workspaceId}:shopify-sales:%`} order by e.id`;

/** A REST order payload of the simulator's shape, small enough to vary per test. */
function restOrder(input: {
  id: number;
  updatedAt: string;
  total: string;
  current?: string;
  financial?: string;
  fulfillment?: string | null;
  refunds?: { id: number; amount: string; currency?: string | null }[];
  presentment?: { currency: string; total: string };
  createdAt?: string;
}) {
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: 'USD' },
    presentment_money: {
      amount: input.presentment?.total ?? amount,
      currency_code: input.presentment?.currency ?? 'USD',
    },
  });
  return {
    id: input.id,
    admin_graphql_api_id: `gid://shopify/Order/${input.id}`,
    name: `#${input.id}`,
    created_at: input.createdAt ?? '2026-11-02T10:00:00-05:00',
    updated_at: input.updatedAt,
    processed_at: input.createdAt ?? '2026-11-02T10:00:00-05:00',
    cancelled_at: null,
    test: false,
    financial_status: input.financial ?? 'paid',
    fulfillment_status: input.fulfillment ?? null,
    currency: 'USD',
    presentment_currency: input.presentment?.currency ?? 'USD',
    total_price: input.total,
    total_price_set: money(input.total),
    current_total_price: input.current ?? input.total,
    current_total_price_set: money(input.current ?? input.total),
    customer: { id: 42, email: 'buyer@example.com' },
    line_items: [
      {
        id: input.id * 10,
        product_id: 7,
        variant_id: 70,
        title: 'Tee',
        sku: 'TEE',
        quantity: 2,
        price: '50.00',
        total_discount: '0.00',
      },
    ],
    refunds: (input.refunds ?? []).map((refund) => ({
      id: refund.id,
      admin_graphql_api_id: `gid://shopify/Refund/${refund.id}`,
      transactions: [
        { kind: 'refund', status: 'success', amount: refund.amount, currency: refund.currency ?? null },
      ],
    })),
  };
}

beforeAll(async () => {
  mirror = await createShopifyMirrorDatabase();
});
afterAll(async () => {
  await mirror?.drop();
});

describe("Shopify's documented example payloads", () => {
  it.each(SHOPIFY_DOC_EXAMPLE_TOPICS.filter((topic) => topic.startsWith('orders/')))(
    '%s is mirrored as the order it describes, and the same version again changes nothing',
    async (topic) => {
      const store = await mirror.connect(`doc-${topic.replace('/', '-')}.myshopify.com`);
      const payload = parse(docExampleFor(topic, 'unused'));
      const first = await applyShopifyDelivery(
        deps(),
        mirror.delivery(topic, store.shop, payload, firedAt(payload)),
      );
      expect(first).toMatchObject({ kind: 'mirrored', connections: 1, applied: 1 });
      const [order] = await mirror.database.sql`
        select order_id, name, test, cancelled_at is not null as cancelled, financial_status, fulfillment_status,
          total_price::text, current_total_price::text, total_refunded::text, presentment_total_price::text,
          jsonb_array_length(line_items) as lines
        from shopify.orders where connection_id = ${store.connectionId}`;
      expect(order).toEqual({
        order_id: 'gid://shopify/Order/820982911946154508',
        name: '#9999',
        test: true,
        cancelled: true,
        financial_status: 'VOIDED',
        fulfillment_status: 'UNFULFILLED',
        total_price: '404.95',
        current_total_price: '414.95',
        total_refunded: '0.00',
        presentment_total_price: '404.95',
        lines: 5,
      });
      // A cancelled test order counts in no revenue.
      const rollups = await mirror.database.sql`
        select 1 from shopify.order_rollups where connection_id = ${store.connectionId} and order_count <> 0`;
      expect(rollups).toHaveLength(0);
      const again = await applyShopifyDelivery(
        deps(),
        mirror.delivery(topic, store.shop, payload, firedAt(payload)),
      );
      expect(again).toMatchObject({ kind: 'mirrored', applied: 0, events: 0 });
    },
  );

  it.each(['products/create', 'products/update'] as const)(
    '%s is mirrored with its variants and their stock',
    async (topic) => {
      const store = await mirror.connect(`doc-${topic.replace('/', '-')}.myshopify.com`);
      const payload = parse(docExampleFor(topic, 'unused'));
      expect(await applyShopifyDelivery(deps(), mirror.delivery(topic, store.shop, payload))).toMatchObject({
        applied: 1,
      });
      const variants = await mirror.database.sql`
        select v.variant_id, v.title, v.price::text, v.inventory_quantity, p.title as product, p.status, p.tags
        from shopify.product_variants as v join shopify.products as p using (connection_id, product_id)
        where v.connection_id = ${store.connectionId} order by v.position`;
      expect(variants).toEqual([
        {
          variant_id: 'gid://shopify/ProductVariant/642667041472713922',
          title: 'Small',
          price: '19.99',
          inventory_quantity: 75,
          product: 'Example T-Shirt',
          status: 'ACTIVE',
          tags: ['example', 'mens', 't-shirt'],
        },
        {
          variant_id: 'gid://shopify/ProductVariant/757650484644203962',
          title: 'Medium',
          price: '19.99',
          inventory_quantity: 50,
          product: 'Example T-Shirt',
          status: 'ACTIVE',
          tags: ['example', 'mens', 't-shirt'],
        },
      ]);
    },
  );

  it('shop/update takes name, currency and plan and keeps what the example leaves null', async () => {
    const store = await mirror.connect('doc-shop-update.myshopify.com');
    await mirror.database.sql`
      insert into shopify.shops (connection_id, workspace_id, shop_domain, iana_timezone, rollup_timezone, source_updated_at)
      values (${store.connectionId}, ${store.workspaceId}, ${store.shop}, 'America/New_York', 'America/New_York',
        '2020-01-01T00:00:00Z')`;
    const payload = parse(docExampleFor('shop/update', store.shop));
    const headers = { 'x-shopify-triggered-at': '2026-11-01T12:00:00Z' };
    await applyShopifyDelivery(deps(), mirror.delivery('shop/update', store.shop, payload, headers));
    const [shop] = await mirror.database.sql`
      select name, currency, plan, iana_timezone, source_updated_at = '2026-11-01T12:00:00Z' as versioned
      from shopify.shops where connection_id = ${store.connectionId}`;
    expect(shop).toEqual({
      name: 'Super Toys',
      currency: 'USD',
      plan: 'Shopify Plus',
      iana_timezone: 'America/New_York',
      versioned: true,
    });
  });
});

describe('orders applied by version', () => {
  it('ends in the newest version whatever the order of arrival, each change raising one event', async () => {
    const store = await mirror.connect('order-versions.myshopify.com');
    const created = restOrder({ id: 1001, updatedAt: '2026-11-02T10:00:00-05:00', total: '100.00' });
    const refunded = restOrder({
      id: 1001,
      updatedAt: '2026-11-03T09:00:00-05:00',
      total: '100.00',
      current: '60.00',
      financial: 'partially_refunded',
      refunds: [{ id: 5, amount: '40.00' }],
    });
    const apply = (payload: unknown, topic = 'orders/updated') =>
      applyShopifyDelivery(deps(), mirror.delivery(topic, store.shop, payload, firedAt(payload)));
    expect(await apply(refunded)).toMatchObject({ applied: 1 });
    expect(await apply(created, 'orders/create')).toMatchObject({ applied: 0, events: 0 });
    expect(await apply(refunded)).toMatchObject({ applied: 0, events: 0 });
    const [order] = await mirror.database.sql`
      select current_total_price::text, total_refunded::text, refund_ids from shopify.orders
      where connection_id = ${store.connectionId}`;
    expect(order).toEqual({
      current_total_price: '60.00',
      total_refunded: '40.00',
      refund_ids: ['gid://shopify/Refund/5'],
    });
    const rollups = await mirror.database.sql`
      select grain, order_count, total_sales::text, gross_sales::text, refunds::text
      from shopify.order_rollups where connection_id = ${store.connectionId} order by grain`;
    expect(rollups).toEqual([
      { grain: 'day', order_count: 1, total_sales: '60.00', gross_sales: '100.00', refunds: '40.00' },
      { grain: 'hour', order_count: 1, total_sales: '60.00', gross_sales: '100.00', refunds: '40.00' },
    ]);
    // First seen refunded: new, paid (a refund after payment) and refunded, once each.
    expect((await eventsOf(store.workspaceId)).map((event) => event.kind).sort()).toEqual([
      'NEW_ORDER',
      'ORDER_PAID',
      'ORDER_REFUNDED',
    ]);
  });

  it('raises NEW_ORDER, ORDER_PAID, ORDER_FULFILLED, ORDER_REFUNDED and HIGH_VALUE_ORDER as each change arrives', async () => {
    const store = await mirror.connect('order-events.myshopify.com');
    await mirror.database.sql`
      insert into shopify.brand_sales_alerts (workspace_id, brand_id, high_value_order_threshold)
      values (${store.workspaceId}, ${store.brandId}, 150)`;
    const apply = (payload: unknown) =>
      applyShopifyDelivery(deps(), mirror.delivery('orders/updated', store.shop, payload));
    await apply(
      restOrder({ id: 2001, updatedAt: '2026-11-02T10:00:00Z', total: '150.00', financial: 'pending' }),
    );
    await apply(restOrder({ id: 2001, updatedAt: '2026-11-02T10:05:00Z', total: '150.00' }));
    await apply(
      restOrder({ id: 2001, updatedAt: '2026-11-02T11:00:00Z', total: '150.00', fulfillment: 'fulfilled' }),
    );
    await apply(
      restOrder({
        id: 2001,
        updatedAt: '2026-11-03T11:00:00Z',
        total: '150.00',
        current: '140.00',
        fulfillment: 'fulfilled',
        financial: 'partially_refunded',
        refunds: [{ id: 9, amount: '10.00' }],
      }),
    );
    await apply(restOrder({ id: 2002, updatedAt: '2026-11-02T10:00:00Z', total: '149.99' }));
    const kinds = (await eventsOf(store.workspaceId)).map((event) => event.kind);
    expect(kinds).toEqual([
      'NEW_ORDER',
      'HIGH_VALUE_ORDER',
      'ORDER_PAID',
      'ORDER_FULFILLED',
      'ORDER_REFUNDED',
      'NEW_ORDER',
      'ORDER_PAID',
    ]);
  });

  it('breaks a tie of updated_at (whole seconds) by when the change fired, in either order of arrival', async () => {
    for (const order of [
      ['paid', 'fulfilled'],
      ['fulfilled', 'paid'],
    ] as const) {
      const store = await mirror.connect(`same-second-${order[0]}.myshopify.com`);
      const paid = restOrder({ id: 6001, updatedAt: '2026-11-02T10:00:00Z', total: '10.00' });
      const fulfilled = restOrder({
        id: 6001,
        updatedAt: '2026-11-02T10:00:00Z',
        total: '10.00',
        fulfillment: 'fulfilled',
      });
      const versions = {
        paid: () =>
          mirror.delivery('orders/paid', store.shop, paid, {
            'x-shopify-triggered-at': '2026-11-02T10:00:00.100Z',
          }),
        fulfilled: () =>
          mirror.delivery('orders/fulfilled', store.shop, fulfilled, {
            'x-shopify-triggered-at': '2026-11-02T10:00:00.700Z',
          }),
      };
      for (const name of order) await applyShopifyDelivery(deps(), versions[name]());
      const [row] = await mirror.database.sql`
        select fulfillment_status from shopify.orders where connection_id = ${store.connectionId}`;
      expect(row).toEqual({ fulfillment_status: 'FULFILLED' });
      // Fulfilled first: the paid version (fired earlier) is older and raises nothing; the order was
      // already new, paid and fulfilled.
      expect((await eventsOf(store.workspaceId)).map((event) => event.kind).sort()).toEqual([
        'NEW_ORDER',
        'ORDER_FULFILLED',
        'ORDER_PAID',
      ]);
    }
  });

  it('converts a refund stated in the buyer’s currency, marks it estimated and queues an exact refresh', async () => {
    const store = await mirror.connect('order-currency.myshopify.com');
    const payload = restOrder({
      id: 3001,
      updatedAt: '2026-11-02T10:00:00Z',
      total: '73.53',
      presentment: { currency: 'CAD', total: '100.00' },
      refunds: [{ id: 11, amount: '10.00', currency: 'CAD' }],
    });
    await applyShopifyDelivery(deps(), mirror.delivery('orders/updated', store.shop, payload));
    const [order] = await mirror.database.sql`
      select total_refunded::text, refunds_estimated, presentment_total_refunded::text from shopify.orders
      where connection_id = ${store.connectionId}`;
    expect(order).toEqual({
      total_refunded: '7.35',
      refunds_estimated: true,
      presentment_total_refunded: '10.00',
    });
    const jobs = await mirror.database.sql`
      select payload from graphile_worker.jobs as j join graphile_worker._private_jobs as p using (id)
      where j.task_identifier = 'shopify.order.refresh'`;
    expect(jobs.map((job) => job['payload'])).toEqual([
      { connectionId: store.connectionId, orderId: 'gid://shopify/Order/3001' },
    ]);
  });

  it('mirrors a delivery into every workspace that connected the store, and into none that disconnected it', async () => {
    const shop = 'shared-store.myshopify.com';
    const a = await mirror.connect(shop);
    const b = await mirror.connect(shop);
    const gone = await mirror.connect(shop, { status: 'DISCONNECTED' });
    const outcome = await applyShopifyDelivery(
      deps(),
      mirror.delivery(
        'orders/create',
        shop,
        restOrder({ id: 4001, updatedAt: '2026-11-02T10:00:00Z', total: '10.00' }),
      ),
    );
    expect(outcome).toMatchObject({ connections: 2, applied: 2 });
    const rows = await mirror.database.sql<{ connection_id: string }[]>`
      select connection_id from shopify.orders where order_id = 'gid://shopify/Order/4001'`;
    expect(rows.map((row) => row.connection_id).sort()).toEqual([a.connectionId, b.connectionId].sort());
    expect(rows.map((row) => row.connection_id)).not.toContain(gone.connectionId);
  });
});

describe('privacy topics', () => {
  it('customers/data_request exports what the mirror holds of the orders and notifies the workspace', async () => {
    const store = await mirror.connect('privacy-export.myshopify.com');
    await applyShopifyDelivery(
      deps(),
      mirror.delivery(
        'orders/create',
        store.shop,
        restOrder({ id: 299938, updatedAt: '2026-11-02T10:00:00Z', total: '12.00' }),
      ),
    );
    const payload = parse(docExampleFor('customers/data_request', store.shop));
    const outcome = await applyShopifyDelivery(
      deps(),
      mirror.delivery('customers/data_request', store.shop, payload),
    );
    expect(outcome).toMatchObject({
      kind: 'privacy',
      result: {
        customerId: '191167',
        mirroredPersonalData: 0,
        orders: [
          { orderId: 'gid://shopify/Order/299938', name: '#299938', totalPrice: '12.00', currency: 'USD' },
        ],
      },
    });
    const notices = await mirror.database.sql`
      select kind, title from kit.workspace_notifications where workspace_id = ${store.workspaceId}`;
    expect(notices).toEqual([
      {
        kind: 'SHOPIFY_CUSTOMER_DATA_REQUEST',
        title: `Customer data request from your Shopify store ${store.shop}`,
      },
    ]);
  });

  it('customers/redact blanks the stored payloads that carry the customer; shop/redact erases the disconnected store', async () => {
    const store = await mirror.connect('privacy-redact.myshopify.com');
    const stored = randomUUID();
    await mirror.database.sql`
      insert into kit.webhook_deliveries (id, provider, delivery_id, topic, account_id, payload)
      values (${stored}, 'shopify', ${randomUUID()}, 'orders/create', ${store.shop},
        ${JSON.stringify({ id: 299938, customer: { id: 191167, email: 'john@example.com' } })}::text::json)`;
    const redact = parse(docExampleFor('customers/redact', store.shop));
    const outcome = await applyShopifyDelivery(
      deps(),
      mirror.delivery('customers/redact', store.shop, redact),
    );
    expect(outcome).toMatchObject({ result: { deliveriesBlanked: 1 } });
    const [row] = await mirror.database.sql`select payload from kit.webhook_deliveries where id = ${stored}`;
    expect(row?.['payload']).toEqual({ redacted: true });

    await applyShopifyDelivery(
      deps(),
      mirror.delivery(
        'orders/create',
        store.shop,
        restOrder({ id: 5001, updatedAt: '2026-11-02T10:00:00Z', total: '5.00' }),
      ),
    );
    await mirror.database
      .sql`update kit.integration_connections set status = 'DISCONNECTED' where id = ${store.connectionId}`;
    const shopRedact = parse(docExampleFor('shop/redact', store.shop));
    const erased = await applyShopifyDelivery(deps(), mirror.delivery('shop/redact', store.shop, shopRedact));
    expect(erased).toMatchObject({ result: { connectionsErased: 1 } });
    const left = await mirror.database
      .sql`select 1 from shopify.orders where connection_id = ${store.connectionId}`;
    expect(left).toHaveLength(0);
  });
});
