import { randomUUID } from 'node:crypto';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, silentLogger } from '@ionflux/testing/jobs';
import { createTestWebhookSource } from '@ionflux/testing/webhooks';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '../db/index.ts';
import { createJobQueue, type JobQueue, startJobWorker } from '../jobs/index.ts';
import { createDeliveryBatcher } from './create-delivery-batcher.ts';
import { storableDelivery } from './store-webhook-delivery.ts';

describe('createDeliveryBatcher', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let queue: JobQueue & { close(): Promise<void> };
  const source = createTestWebhookSource('unused', 'batcher-test.process');
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit')]);
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
    sql = postgres(database.url, { max: 4, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await queue?.close();
    await database?.drop();
  });

  /** A verified delivery of `payload`; with `payloadText`, the body it was parsed from exactly. */
  const delivery = (deliveryId: string, payload: unknown = { n: 1 }, payloadText?: string) =>
    storableDelivery({
      ok: true,
      deliveryId,
      topic: 'orders/create',
      accountId: 'batch.example',
      payload,
      ...(payloadText === undefined ? {} : { payloadText }),
    });

  it('stores a burst in shared transactions: every delivery once with its job, repeats as duplicates', async () => {
    const store = createDeliveryBatcher({ sql, queue, source, maxBatch: 50, maxConcurrent: 2 });
    const ids = Array.from({ length: 300 }, () => randomUUID());
    // Every id twice, the repeat arriving in the same burst (often in the same batch).
    const stored = await Promise.all(
      [...ids, ...ids].map((id) => store(delivery(id), { 'x-test-topic': 'orders/create' })),
    );
    const first = stored.slice(0, ids.length);
    const repeats = stored.slice(ids.length);
    // Two batches commit side by side, so either answer of an id may be the one that stored it: exactly
    // one did, and both name its row.
    for (const [index, entry] of first.entries()) {
      const repeat = repeats[index];
      expect(repeat?.id).toBe(entry.id);
      expect([entry.duplicate, repeat?.duplicate].filter((duplicate) => !duplicate)).toHaveLength(1);
    }
    const [rows] = await sql<{ n: number }[]>`select count(*)::int as n from kit.webhook_deliveries`;
    expect(rows?.n).toBe(ids.length);
    // Shared for real (a batch that fails is stored one delivery a transaction, with the same answers):
    // rows inserted by one transaction share its xmin.
    const [transactions] = await sql<{ n: number }[]>`
      select count(distinct xmin::text)::int as n from kit.webhook_deliveries`;
    expect(transactions?.n).toBeLessThan(ids.length / 4);
    const jobs = await listQueuedJobs(database.url, 'batcher-test.process');
    expect(jobs).toHaveLength(ids.length);
    expect(new Set(jobs.map((job) => job.key))).toEqual(new Set(first.map((entry) => entry.id)));
    expect(jobs.every((job) => (job.payload as { deliveryId: string }).deliveryId === job.key)).toBe(true);
  });

  it('starts a second batch alongside a storing one only once minBatchAlongside deliveries wait', async () => {
    // The batch statement (sql.unsafe) held until released, as a slow database would hold it.
    const release = Promise.withResolvers<void>();
    const batches: number[] = [];
    let storing = 0;
    const held = new Proxy(sql, {
      get(target, property, receiver) {
        if (property !== 'unsafe') return Reflect.get(target, property, receiver);
        return async (query: string, parameters: unknown[], options: object) => {
          // The parameters: provider, task, trace field, descriptions, one payload each, task id.
          batches.push(parameters.length - 5);
          storing++;
          await release.promise;
          try {
            return await target.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], options);
          } finally {
            storing--;
          }
        };
      },
    });
    const store = createDeliveryBatcher({
      sql: held,
      queue,
      source,
      maxConcurrent: 2,
      minBatchAlongside: 8,
    });
    // Time for a batch that should not start to start (the task id is known after the first batch).
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const stored = [store(delivery(randomUUID()), {})];
    await vi.waitFor(() => expect({ batches, storing }).toEqual({ batches: [1], storing: 1 }));
    // Seven wait for the first batch's commit...
    for (let n = 0; n < 7; n++) stored.push(store(delivery(randomUUID()), {}));
    await settle();
    expect({ batches, storing }).toEqual({ batches: [1], storing: 1 });
    // ...the eighth starts a batch of all eight alongside it.
    stored.push(store(delivery(randomUUID()), {}));
    await vi.waitFor(() => expect({ batches, storing }).toEqual({ batches: [1, 8], storing: 2 }));
    // Two are storing: however many wait, they wait for a commit, then go together.
    for (let n = 0; n < 12; n++) stored.push(store(delivery(randomUUID()), {}));
    await settle();
    expect(batches).toEqual([1, 8]);
    release.resolve();
    const answers = await Promise.all(stored);
    expect(answers.every((answer) => !answer.duplicate)).toBe(true);
    expect(batches).toEqual([1, 8, 12]);
    expect(storing).toBe(0);
  });

  it('fails only the deliveries the store refuses when they share a batch with others', async () => {
    const store = createDeliveryBatcher({ sql, queue, source, maxBatch: 20, maxConcurrent: 1 });
    const good = Array.from({ length: 10 }, () => randomUUID());
    const bad = [randomUUID(), randomUUID()];
    const outcomes = await Promise.allSettled([
      ...good.map((id) => store(delivery(id), {})),
      // A header jsonb cannot hold and a payload that is not JSON: either fails the batch, which is then
      // stored one delivery at a time.
      store(delivery(bad[0] ?? ''), { 'x-note': 'nul \u0000 here' }),
      store({ ...delivery(bad[1] ?? ''), payloadJson: '{"broken": ' }, {}),
    ]);
    expect(outcomes.slice(0, good.length).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(outcomes.slice(good.length).map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    const stored = await sql`
      select delivery_id from kit.webhook_deliveries where delivery_id = any(${`{${[...good, ...bad].join(',')}}`}::text[])`;
    expect(stored).toHaveLength(good.length);
  });

  it('stores each body as sent when its source gave the text, and serialises the payload otherwise', async () => {
    const store = createDeliveryBatcher({ sql, queue, source, maxBatch: 20, maxConcurrent: 1 });
    const asSent = '{ "title": "Caf\\u00e9 \\u0026 co",\n  "id": 1234567890123 }';
    const pair = '{"emoji":"\\ud83d\\ude00"}';
    const cases = [
      { id: randomUUID(), payloadText: asSent, stored: asSent },
      // Text writing a surrogate pair as two escapes is stored serialised (the pair as its character).
      { id: randomUUID(), payloadText: pair, stored: '{"emoji":"😀"}' },
      { id: randomUUID(), payloadText: undefined, stored: '{"id":"820982911946154508"}' },
    ];
    await Promise.all(
      cases.map((entry) =>
        store(
          delivery(
            entry.id,
            entry.payloadText ? JSON.parse(entry.payloadText) : { id: '820982911946154508' },
            entry.payloadText,
          ),
          {},
        ),
      ),
    );
    const rows = await sql<{ deliveryId: string; text: string; title: string | null }[]>`
      select delivery_id as "deliveryId", payload::text as text, payload ->> 'title' as title
      from kit.webhook_deliveries where delivery_id = any(${`{${cases.map((entry) => entry.id).join(',')}}`}::text[])`;
    const byId = new Map(rows.map((row) => [row.deliveryId, row]));
    expect(cases.map((entry) => byId.get(entry.id)?.text)).toEqual(cases.map((entry) => entry.stored));
    expect(byId.get(cases[0]?.id ?? '')?.title).toBe('Café & co');
  });

  it('compresses a large body with LZ4 where the server has it (pglz where not) and reads it back as sent', async () => {
    const store = createDeliveryBatcher({ sql, queue, source, maxBatch: 20, maxConcurrent: 1 });
    const lineItems = Array.from({ length: 200 }, (_, n) => ({ id: n, title: `Item ${n}`, price: '19.99' }));
    const text = JSON.stringify({ id: 1, line_items: lineItems });
    expect(text.length).toBeGreaterThan(2048); // past the size PostgreSQL compresses at
    const id = randomUUID();
    await store(delivery(id, JSON.parse(text), text), {});
    const [server] = await sql<{ lz4: boolean }[]>`
      select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`;
    const [row] = await sql<{ method: string; text: string }[]>`
      select pg_column_compression(payload) as method, payload::text as text
      from kit.webhook_deliveries where delivery_id = ${id}`;
    expect(row).toEqual({ method: server?.lz4 ? 'lz4' : 'pglz', text });
  });

  it('stores each delivery once when two processes receive the same burst at once', async () => {
    // Two subgraph replicas, each with its own pool and batcher, as when a provider retries a delivery
    // while the first attempt is still being stored elsewhere.
    const other = postgres(database.url, { max: 2, onnotice: () => {} });
    try {
      const first = createDeliveryBatcher({ sql, queue, source, maxBatch: 40 });
      const second = createDeliveryBatcher({ sql: other, queue, source, maxBatch: 40 });
      const ids = Array.from({ length: 200 }, () => randomUUID());
      const [a, b] = await Promise.all([
        Promise.all(ids.map((id) => first(delivery(id), {}))),
        Promise.all([...ids].reverse().map((id) => second(delivery(id), {}))),
      ]);
      const byId = new Map<string, string[]>();
      for (const [index, id] of ids.entries()) {
        const mine = a[index];
        const theirs = b[ids.length - 1 - index];
        // Both answers name the one stored row; exactly one of them stored it.
        expect(mine?.id).toBe(theirs?.id);
        expect([mine?.duplicate, theirs?.duplicate].filter((duplicate) => !duplicate)).toHaveLength(1);
        byId.set(id, [mine?.id ?? '', theirs?.id ?? '']);
      }
      const [rows] = await sql<{ n: number }[]>`
        select count(*)::int as n from kit.webhook_deliveries where delivery_id = any(${`{${ids.join(',')}}`}::text[])`;
      expect(rows?.n).toBe(ids.length);
      const jobs = await listQueuedJobs(database.url, 'batcher-test.process');
      const rowIds = new Set([...byId.values()].map(([id]) => id));
      expect(jobs.filter((job) => rowIds.has(job.key ?? ''))).toHaveLength(ids.length);
    } finally {
      await other.end();
    }
  });

  it('adds jobs a worker runs at once, woken by the batch as it commits, for a task it never saw', async () => {
    const woken = createTestWebhookSource('unused', `batcher-test.woken-${randomUUID()}`);
    const ran: string[] = [];
    const everyJob = Promise.withResolvers<void>();
    const ids = Array.from({ length: 40 }, () => randomUUID());
    // Polling once a minute: only the batch's notification can start these jobs within the test.
    const worker = await startJobWorker({
      databaseUrl: database.url,
      logger: silentLogger(),
      pollIntervalMs: 60_000,
      tasks: [
        {
          name: woken.processTask,
          async handler(payload) {
            ran.push((payload as { deliveryId: string }).deliveryId);
            if (ran.length === ids.length) everyJob.resolve();
          },
        },
      ],
    });
    try {
      const store = createDeliveryBatcher({ sql, queue, source: woken, maxBatch: 10 });
      const stored = await Promise.all(ids.map((id) => store(delivery(id), {})));
      await everyJob.promise;
      expect(ran.sort()).toEqual(stored.map((entry) => entry.id).sort());
      const [transactions] = await sql<{ n: number }[]>`
        select count(distinct xmin::text)::int as n from kit.webhook_deliveries
        where delivery_id = any(${`{${ids.join(',')}}`}::text[])`;
      expect(transactions?.n).toBeLessThan(ids.length);
    } finally {
      await worker.stop();
    }
  });
});
