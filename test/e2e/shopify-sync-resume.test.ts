import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A backfill resumes after a crash: the job worker (a process of its own) is SIGKILLed while it applies a
// bulk operation's result; the next worker takes the job over and reads on from the checkpoint (the same
// bulk operation, the lines after the last batch that committed), ending with the whole store mirrored.

const workerMain = fileURLToPath(new URL('../../subgraphs/shopify/src/worker-main.ts', import.meta.url));
const SHOP = 'resume-backfill.myshopify.com';
const ORDERS = 12_000;

let shopify: ShopifySystem;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [workerMain], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: shopify.system.databaseUrl,
      IONFLUX_PUBLIC_URL: shopify.publicUrl,
      SHOPIFY_API_KEY: shopify.keys.apiKey,
      SHOPIFY_API_SECRET: shopify.keys.apiSecret,
      IONFLUX_MASTER_KEY: shopify.keys.masterKey,
      SHOPIFY_ADMIN_ORIGIN: shopify.simulator.adminOriginTemplate,
      SHOPIFY_API_VERSION: shopify.simulator.apiVersion,
      SHOPIFY_BULK_POLL_MS: '100',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

interface Checkpoint {
  step: string;
  method: string;
  bulkOperationId?: string;
  linesApplied?: number;
}

beforeAll(async () => {
  shopify = await startShopifySystem({
    simulator: {
      bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
      scale: { orders: ORDERS, products: 50, customers: 100, days: 90 },
    },
    env: { SHOPIFY_WORKER_IN_PROCESS: 'false' },
  });
}, 120_000);

afterAll(async () => {
  for (const worker of workers)
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
  await shopify?.stop();
});

describe('a backfill interrupted by a SIGKILL of its worker', () => {
  it('resumes from its checkpoint with the same bulk operation and mirrors every order once', async () => {
    const { connectionId } = await shopify.connect({ shop: SHOP });
    const checkpoint = async () => {
      const [row] = await shopify.sql<{ checkpoint: Checkpoint | null }[]>`
        select checkpoint from shopify.sync_states where connection_id = ${connectionId}`;
      return row?.checkpoint ?? null;
    };
    const first = startWorker();
    // Kill it once it has applied part of the orders' JSONL (some batches committed, more to come).
    let atKill: Checkpoint | null = null;
    const deadline = Date.now() + 60_000;
    while (!atKill) {
      const current = await checkpoint();
      if (current?.step === 'orders' && (current.linesApplied ?? 0) > 0) {
        first.kill('SIGKILL');
        atKill = current;
      } else if (Date.now() > deadline)
        throw new Error(`the backfill never got going: ${JSON.stringify(current)}`);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await once(first, 'exit');
    const [partial] = await shopify.sql<{ n: number }[]>`
      select count(*)::int as n from shopify.orders where connection_id = ${connectionId}`;
    console.log(
      `worker SIGKILLed at ${atKill.linesApplied} JSONL lines applied (${partial?.n} orders mirrored)`,
    );
    expect(partial?.n).toBeLessThan(ORDERS);
    expect((await checkpoint())?.bulkOperationId).toBe(atKill.bulkOperationId);

    startWorker();
    expect(await shopify.settled(connectionId, 120_000)).toBe('IDLE');
    const [mirrored] = await shopify.sql<{ n: number; ids: number }[]>`
      select count(*)::int as n, count(distinct order_id)::int as ids from shopify.orders where connection_id = ${connectionId}`;
    expect(mirrored).toEqual({ n: ORDERS, ids: ORDERS });
    // Every order once in the rollups: the day rollups count what the mirror holds, nothing twice.
    const [counted] = await shopify.sql<{ mirror: number; rollups: number }[]>`
      select (select count(*)::int from shopify.orders where connection_id = ${connectionId} and not test and cancelled_at is null) as mirror,
        (select sum(order_count)::int from shopify.order_rollups where connection_id = ${connectionId} and grain = 'day') as rollups`;
    expect(counted?.rollups).toBe(counted?.mirror);
    // The same bulk operation was read on: the store saw two bulk queries (products, orders), not three.
    const started = shopify.simulator
      .requests()
      .filter((request) => request.shop === SHOP && request.operation === 'IonfluxBulkOperationRunQuery');
    expect(started).toHaveLength(2);
    const [state] = await shopify.sql<{ runs: number; checkpoint: unknown }[]>`
      select runs, checkpoint from shopify.sync_states where connection_id = ${connectionId}`;
    expect(state).toEqual({ runs: 1, checkpoint: null });
  }, 240_000);
});
