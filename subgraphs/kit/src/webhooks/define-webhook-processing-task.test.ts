import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, makeJobsDue, silentLogger } from '@ionflux/testing/jobs';
import {
  createTestWebhookSource,
  signedDelivery,
  startWebhookTestServer,
  type WebhookTestServer,
} from '@ionflux/testing/webhooks';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '../db/index.ts';
import { createJobQueue, type JobQueue, type JobWorker, startJobWorker } from '../jobs/index.ts';
import { defineWebhookProcessingTask, type WebhookProcessingDeps } from './define-webhook-processing-task.ts';
import { replayWebhookDelivery } from './replay-webhook-delivery.ts';
import type { WebhookDeliveryRow } from './webhook-delivery.ts';

const SECRET = 'whsec_processing_test';

describe('webhook processing', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let queue: JobQueue & { close(): Promise<void> };
  let server: WebhookTestServer;
  let worker: JobWorker | undefined;
  const source = createTestWebhookSource(SECRET, 'webhooks-test.apply');

  const startWorker = async (apply: WebhookProcessingDeps['apply'], maxAttempts?: number) => {
    const task = defineWebhookProcessingTask({ sql, source, apply, ...(maxAttempts ? { maxAttempts } : {}) });
    worker = await startJobWorker({
      databaseUrl: database.url,
      logger: silentLogger(),
      tasks: [task],
      pollIntervalMs: 100,
    });
  };
  const deliver = async (body: string, deliveryId: string) => {
    const delivery = signedDelivery(SECRET, body, { deliveryId });
    const response = await server.post(delivery.body, delivery.headers);
    expect(response.status).toBe(200);
    return response.json as { duplicate: boolean };
  };
  const deliveryRow = async (deliveryId: string) => {
    const [row] = await sql<{ id: string; status: string; attempts: number; lastError: string | null }[]>`
      select id, status, attempts, last_error as "lastError" from kit.webhook_deliveries
      where provider = 'test' and delivery_id = ${deliveryId}`;
    if (!row) throw new Error(`no delivery ${deliveryId}`);
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit')]);
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
    sql = postgres(database.url, { max: 4, onnotice: () => {} });
    server = await startWebhookTestServer({ sql, queue, logger: silentLogger(), source });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await server?.close();
    await sql?.end();
    await queue?.close();
    await database?.drop();
  });

  it('applies a delivery sent twice exactly once, and marks it PROCESSED', async () => {
    const applied: WebhookDeliveryRow[] = [];
    await startWorker(async (delivery) => {
      applied.push(delivery);
    });
    expect(await deliver('{"id":10}', 'twice')).toEqual({ received: true, duplicate: false });
    expect(await deliver('{"id":10}', 'twice')).toEqual({ received: true, duplicate: true });
    await vi.waitFor(
      async () => expect(await deliveryRow('twice')).toMatchObject({ status: 'PROCESSED' }),
      5000,
    );
    // A redelivery after processing is still recognised.
    expect(await deliver('{"id":10}', 'twice')).toEqual({ received: true, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({
      provider: 'test',
      deliveryId: 'twice',
      topic: 'orders/create',
      accountId: 'demo.myshopify.com',
      payload: { id: 10 },
      status: 'PROCESSING',
      attempts: 1,
    });
    expect(await deliveryRow('twice')).toMatchObject({ attempts: 1, lastError: null });
  });

  it('retries a failing delivery with backoff, marks it DEAD after maxAttempts, and a replay processes it', async () => {
    let failing = true;
    const attempts: number[] = [];
    await startWorker(async (delivery, { attempt }) => {
      attempts.push(attempt);
      if (failing) throw new Error(`mirror unavailable (${delivery.attempts})`);
    }, 3);
    await deliver('{"id":11}', 'flaky');
    const { id } = await deliveryRow('flaky');
    for (const attempt of [1, 2]) {
      await vi.waitFor(async () => {
        expect(await deliveryRow('flaky')).toMatchObject({
          status: 'FAILED',
          attempts: attempt,
          lastError: `Error: mirror unavailable (${attempt})`,
        });
        const [job] = await listQueuedJobs(database.url, 'webhooks-test.apply');
        expect(job?.runAt.getTime()).toBeGreaterThan(Date.now() + 1000);
      }, 5000);
      await makeJobsDue(database.url, 'webhooks-test.apply');
    }
    await vi.waitFor(
      async () => expect(await deliveryRow('flaky')).toMatchObject({ status: 'DEAD', attempts: 3 }),
      5000,
    );
    await vi.waitFor(async () =>
      expect(await listQueuedJobs(database.url, 'webhooks-test.apply')).toEqual([]),
    );
    expect(attempts).toEqual([1, 2, 3]);

    failing = false;
    expect(await replayWebhookDelivery(sql, queue, id)).toEqual({ ok: true });
    await vi.waitFor(
      async () =>
        expect(await deliveryRow('flaky')).toMatchObject({
          status: 'PROCESSED',
          attempts: 1,
          lastError: null,
        }),
      5000,
    );
  });

  it('finishes a delivery a killed worker left PROCESSING when its job runs again', async () => {
    await deliver('{"id":13}', 'orphaned');
    // What a worker SIGKILLed mid-apply leaves behind (the job itself is unlocked by recovery).
    await sql`update kit.webhook_deliveries set status = 'PROCESSING', attempts = 1 where delivery_id = 'orphaned'`;
    const applied: number[] = [];
    await startWorker(async (delivery) => {
      applied.push(delivery.attempts);
    });
    await vi.waitFor(
      async () => expect(await deliveryRow('orphaned')).toMatchObject({ status: 'PROCESSED', attempts: 2 }),
      5000,
    );
    expect(applied).toEqual([2]);
  });

  it('refuses to replay an unknown delivery or one a worker is applying right now', async () => {
    expect(await replayWebhookDelivery(sql, queue, '00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await replayWebhookDelivery(sql, queue, 'not-a-uuid')).toEqual({ ok: false, reason: 'not_found' });

    const applying = Promise.withResolvers<void>();
    const finish = Promise.withResolvers<void>();
    await startWorker(async () => {
      applying.resolve();
      await finish.promise;
    });
    await deliver('{"id":12}', 'busy');
    await applying.promise;
    const { id } = await deliveryRow('busy');
    expect(await replayWebhookDelivery(sql, queue, id)).toEqual({ ok: false, reason: 'in_progress' });
    finish.resolve();
    await vi.waitFor(
      async () => expect(await deliveryRow('busy')).toMatchObject({ status: 'PROCESSED' }),
      5000,
    );
  });
});
