import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { connectShopifyStore } from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The job worker as a process of its own, SIGKILLed while a burst of 1,000 deliveries is being applied:
// every delivery the gateway acknowledged must end applied exactly once in effect (mirror, rollups,
// events), after a new worker takes over the dead one's jobs.

const workerMain = fileURLToPath(new URL('../../subgraphs/shopify/src/worker-main.ts', import.meta.url));
const SHOP = 'crash-burst.myshopify.com';
const ORDERS = 400;

let shopify: ShopifySystem;
let connectionId: string;
let workspaceId: string;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: shopify.system.databaseUrl,
      SHOPIFY_API_KEY: shopify.keys.apiKey,
      SHOPIFY_API_SECRET: shopify.keys.apiSecret,
      IONFLUX_MASTER_KEY: shopify.keys.masterKey,
      SHOPIFY_ADMIN_ORIGIN: shopify.simulator.adminOriginTemplate,
      SHOPIFY_WORKER_CONCURRENCY: '8',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

const sign = (body: string) => createHmac('sha256', shopify.apiSecret).update(body).digest('base64');

/** Order `n` at version 1 (paid, 20.00 × n % 7 + 1) or version 2 (a refund of 5.00 added an hour later). */
function orderBody(n: number, version: 1 | 2): string {
  const price = `${(n % 7) + 1}0.00`;
  const total = (Number(price) * 2).toFixed(2);
  return JSON.stringify({
    id: 900_000 + n,
    admin_graphql_api_id: `gid://shopify/Order/${900_000 + n}`,
    name: `#C${n}`,
    created_at: new Date(Date.UTC(2026, 10, 1 + (n % 28), 12)).toISOString(),
    updated_at: version === 1 ? '2026-12-01T10:00:00Z' : '2026-12-01T11:00:00Z',
    test: false,
    cancelled_at: null,
    financial_status: version === 1 ? 'paid' : 'partially_refunded',
    currency: 'USD',
    presentment_currency: 'USD',
    total_price: total,
    current_total_price: version === 1 ? total : (Number(total) - 5).toFixed(2),
    line_items: [
      {
        id: n,
        product_id: 1 + (n % 5),
        variant_id: 10 + (n % 5),
        title: 'Item',
        quantity: 2,
        price,
        total_discount: '0.00',
      },
    ],
    refunds:
      version === 1
        ? []
        : [
            {
              id: 50_000 + n,
              transactions: [{ kind: 'refund', status: 'success', amount: '5.00', currency: 'USD' }],
            },
          ],
  });
}

beforeAll(async () => {
  shopify = await startShopifySystem({ env: { SHOPIFY_WORKER_IN_PROCESS: 'false' } });
  workspaceId = randomUUID();
  connectionId = await connectShopifyStore({
    databaseUrl: shopify.system.databaseUrl,
    simulator: shopify.simulator,
    keys: shopify.keys,
    workspaceId,
    userId: randomUUID(),
    shop: SHOP,
    scopes: ['read_orders'],
  });
}, 120_000);

afterAll(async () => {
  for (const worker of workers)
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
  await shopify?.stop();
});

describe('the Shopify worker killed with SIGKILL during a burst of 1,000 deliveries', () => {
  it('loses none: every acknowledged delivery is applied exactly once in effect', async () => {
    // 400 orders × (create, update) = 800 deliveries, plus 200 duplicates of some of them (same event
    // id, new webhook id), in a shuffled order: 1,000 POSTs.
    const deliveries: { topic: string; body: string; eventId: string; triggeredAt: string }[] = [];
    for (let n = 0; n < ORDERS; n++) {
      deliveries.push({
        topic: 'orders/create',
        body: orderBody(n, 1),
        eventId: randomUUID(),
        triggeredAt: new Date(Date.now() - 7_200_000).toISOString(),
      });
      deliveries.push({
        topic: 'orders/updated',
        body: orderBody(n, 2),
        eventId: randomUUID(),
        triggeredAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
    }
    const burst = [...deliveries, ...deliveries.filter((_, index) => index % 4 === 0)];
    expect(burst).toHaveLength(1000);
    let seed = 42;
    for (let i = burst.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = seed % (i + 1);
      [burst[i], burst[j]] = [burst[j] as (typeof burst)[number], burst[i] as (typeof burst)[number]];
    }

    let worker = startWorker();
    const acknowledged = new Set<string>();
    let next = 0;
    let killedAfter = -1;
    const send = async () => {
      for (;;) {
        const delivery = burst[next++];
        if (!delivery) return;
        const answer = await fetch(`${shopify.publicUrl}/webhooks/shopify`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': delivery.topic,
            'x-shopify-shop-domain': SHOP,
            'x-shopify-webhook-id': randomUUID(),
            'x-shopify-event-id': delivery.eventId,
            'x-shopify-triggered-at': delivery.triggeredAt,
            'x-shopify-hmac-sha256': sign(delivery.body),
          },
          body: delivery.body,
        });
        if (answer.status === 200) acknowledged.add(`${delivery.eventId}:${delivery.topic}`);
        // Kill the worker mid-burst, once it is applying deliveries.
        if (next >= 300 && next % 10 === 0 && killedAfter < 0) {
          const [row] = await shopify.sql<{ n: number }[]>`
            select count(*)::int as n from kit.webhook_deliveries where status = 'PROCESSED' and account_id = ${SHOP}`;
          if ((row?.n ?? 0) >= 30 && killedAfter < 0) {
            killedAfter = row?.n ?? 0;
            worker.kill('SIGKILL');
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 25 }, send));
    if (killedAfter < 0) {
      // The burst was acknowledged faster than the worker started: kill it while it works off the queue.
      const deadline = Date.now() + 30_000;
      while (killedAfter < 0) {
        const [row] = await shopify.sql<{ n: number }[]>`
          select count(*)::int as n from kit.webhook_deliveries where status = 'PROCESSED' and account_id = ${SHOP}`;
        if ((row?.n ?? 0) >= 30) {
          killedAfter = row?.n ?? 0;
          worker.kill('SIGKILL');
        } else if (Date.now() > deadline) throw new Error('the worker applied nothing');
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    if (worker.exitCode === null && worker.signalCode === null) await once(worker, 'exit');
    expect(worker.signalCode).toBe('SIGKILL');
    console.log(
      `worker SIGKILLed after ${killedAfter} deliveries were applied; ${acknowledged.size} distinct deliveries acknowledged`,
    );
    expect(acknowledged.size).toBe(800);

    worker = startWorker();
    const deadline = Date.now() + 90_000;
    for (;;) {
      const statuses = await shopify.sql<{ status: string; n: number }[]>`
        select status, count(*)::int as n from kit.webhook_deliveries where account_id = ${SHOP} group by status`;
      const processed = statuses.find((row) => row.status === 'PROCESSED')?.n ?? 0;
      if (processed === acknowledged.size) break;
      if (Date.now() > deadline) throw new Error(`not all applied: ${JSON.stringify(statuses)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stored = await shopify.sql<{ deliveryId: string; status: string }[]>`
      select delivery_id as "deliveryId", status from kit.webhook_deliveries where account_id = ${SHOP}`;
    expect(new Set(stored.map((row) => row.deliveryId))).toEqual(acknowledged);
    expect(stored.every((row) => row.status === 'PROCESSED')).toBe(true);

    // The mirror holds every order at version 2; the rollups count each once.
    const [mirror] = await shopify.sql<{ orders: number; v2: number; sales: string; refunds: string }[]>`
      select count(*)::int as orders, count(*) filter (where total_refunded = 5)::int as v2,
        sum(current_total_price)::text as sales, sum(total_refunded)::text as refunds
      from shopify.orders where connection_id = ${connectionId}`;
    let expectedSales = 0;
    for (let n = 0; n < ORDERS; n++) expectedSales += (((n % 7) + 1) * 10 * 2 - 5) * 100;
    expect(mirror).toEqual({
      orders: ORDERS,
      v2: ORDERS,
      sales: (expectedSales / 100).toFixed(2),
      refunds: (ORDERS * 5).toFixed(2),
    });
    const [rollups] = await shopify.sql<{ count: number; sales: string; refunds: string }[]>`
      select sum(order_count)::int as count, sum(total_sales)::text as sales, sum(refunds)::text as refunds
      from shopify.order_rollups where connection_id = ${connectionId} and grain = 'day'`;
    expect(rollups).toEqual({ count: ORDERS, sales: mirror?.sales, refunds: mirror?.refunds });
    const [hours] = await shopify.sql<{ count: number; sales: string }[]>`
      select sum(order_count)::int as count, sum(total_sales)::text as sales
      from shopify.order_rollups where connection_id = ${connectionId} and grain = 'hour'`;
    expect(hours).toEqual({ count: ORDERS, sales: mirror?.sales });

    // Events: one NEW_ORDER per order, one ORDER_REFUNDED per refund, whatever was replayed after the kill.
    const events = await shopify.sql<{ kind: string; n: number; ids: number }[]>`
      select payload ->> 'kind' as kind, count(*)::int as n, count(distinct payload ->> 'id')::int as ids
      from kit.events where topic like ${`workspace:${workspaceId}:shopify-sales:%`} group by 1 order by 1`;
    expect(events).toEqual([
      { kind: 'NEW_ORDER', n: ORDERS, ids: ORDERS },
      { kind: 'ORDER_PAID', n: ORDERS, ids: ORDERS },
      { kind: 'ORDER_REFUNDED', n: ORDERS, ids: ORDERS },
    ]);
  }, 180_000);
});
