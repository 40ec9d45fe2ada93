import { Writable } from 'node:stream';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, silentLogger } from '@ionflux/testing/jobs';
import {
  countStored,
  createTestWebhookSource,
  signedDelivery,
  startWebhookTestServer,
  type WebhookTestServer,
} from '@ionflux/testing/webhooks';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../db/index.ts';
import { createJobQueue, type JobQueue } from '../jobs/index.ts';
import { createLogger } from '../logging/index.ts';
import { freePort } from '../server/index.ts';

const SECRET = 'whsec_router_test';

describe('POST /webhooks/:provider', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let queue: JobQueue & { close(): Promise<void> };
  let server: WebhookTestServer;
  const source = createTestWebhookSource(SECRET);
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit')]);
    queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
    sql = postgres(database.url, { max: 4, onnotice: () => {} });
    server = await startWebhookTestServer({
      sql,
      queue,
      logger: silentLogger(),
      source,
      maxBodyBytes: 64 * 1024,
    });
  });
  afterAll(async () => {
    await server?.close();
    await sql?.end();
    await queue?.close();
    await database?.drop();
  });

  it('rejects a body whose HMAC does not match with 401 and stores nothing', async () => {
    const before = await countStored(sql);
    const delivery = signedDelivery(SECRET, '{"id":1,"total_price":"10.00"}');
    const response = await server.post('{"id":1,"total_price":"99999.00"}', delivery.headers);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'the HMAC signature does not match the body' },
    });
    const unsigned = await server.post(delivery.body, { ...delivery.headers, 'x-test-hmac-sha256': '' });
    expect(unsigned.status).toBe(401);
    expect(await countStored(sql)).toEqual(before);
  });

  it('answers another method than POST with 404 NOT_FOUND and stores nothing', async () => {
    const before = await countStored(sql);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await fetch(server.url, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'This service has no such route.' },
      });
    }
    expect(await countStored(sql)).toEqual(before);
  });

  it('stores an authentic delivery and enqueues its processing job, then answers 200', async () => {
    const delivery = signedDelivery(SECRET, '{"id":2,"total_price":"10.00"}', { deliveryId: 'wh-200' });
    const response = await server.post(delivery.body, delivery.headers);
    expect(response).toMatchObject({ status: 200, json: { received: true, duplicate: false } });

    const [row] = await sql`
      select id, provider, delivery_id, topic, account_id, headers, payload, process_task, status, attempts
      from kit.webhook_deliveries where delivery_id = 'wh-200'`;
    expect(row).toMatchObject({
      provider: 'test',
      topic: 'orders/create',
      account_id: 'demo.myshopify.com',
      payload: { id: 2, total_price: '10.00' },
      process_task: 'webhooks-test.process',
      status: 'RECEIVED',
      attempts: 0,
    });
    expect(row?.['headers']).toMatchObject({
      'x-test-webhook-id': 'wh-200',
      'x-test-topic': 'orders/create',
    });
    expect(row?.['headers']).not.toHaveProperty('x-test-hmac-sha256');
    const jobs = await listQueuedJobs(database.url, 'webhooks-test.process');
    expect(jobs.filter((job) => job.key === row?.['id'])).toMatchObject([
      { payload: { deliveryId: row?.['id'] } },
    ]);
  });

  it('answers 200 to a redelivery of the same delivery id, storing and enqueueing nothing new', async () => {
    const delivery = signedDelivery(SECRET, '{"id":3}', { deliveryId: 'wh-dup' });
    expect((await server.post(delivery.body, delivery.headers)).status).toBe(200);
    const before = await countStored(sql);
    const again = await server.post(delivery.body, delivery.headers);
    expect(again).toMatchObject({ status: 200, json: { received: true, duplicate: true } });
    expect(await countStored(sql)).toEqual(before);
  });

  it('answers 400 to an authentic body that is not JSON, or is too large, storing nothing', async () => {
    const before = await countStored(sql);
    const notJson = signedDelivery(SECRET, '{"id":4,');
    const response = await server.post(notJson.body, notJson.headers);
    expect(response).toMatchObject({ status: 400, json: { error: { code: 'INVALID_REQUEST' } } });
    const huge = signedDelivery(SECRET, JSON.stringify({ blob: 'x'.repeat(100 * 1024) }));
    const tooLarge = await server.post(huge.body, huge.headers);
    expect(tooLarge).toMatchObject({ status: 400, json: { error: { code: 'INVALID_REQUEST' } } });
    expect(await countStored(sql)).toEqual(before);
  });

  it('answers 400 to an authentic body that is JSON but not an object (null, a number, a string), storing nothing', async () => {
    const before = await countStored(sql);
    for (const body of ['null', '5', '"x"']) {
      const delivery = signedDelivery(SECRET, body);
      const response = await server.post(delivery.body, delivery.headers);
      expect(response).toMatchObject({ status: 400, json: { error: { code: 'INVALID_REQUEST' } } });
    }
    expect(await countStored(sql)).toEqual(before);
  });

  it('answers 400 to a body its Content-Encoding does not describe (gzip that is not gzip), storing nothing', async () => {
    const before = await countStored(sql);
    const delivery = signedDelivery(SECRET, '{"id":5}');
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await server.post(delivery.body, {
        ...delivery.headers,
        'content-encoding': encoding,
      });
      expect(response).toMatchObject({ status: 400, json: { error: { code: 'INVALID_REQUEST' } } });
    }
    expect(await countStored(sql)).toEqual(before);
  });

  it('answers 400 and stores nothing when the payload cannot be stored: a NUL character, a lone surrogate', async () => {
    const before = await countStored(sql);
    const nul = signedDelivery(SECRET, '{"note":"\\u0000"}');
    expect(await server.post(nul.body, nul.headers)).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'INVALID_REQUEST',
          message:
            'The delivery’s payload holds a NUL character (\\u0000) or half a surrogate pair (such as \\ud800), which cannot be stored.',
        },
      },
    });
    // Valid for JSON.parse; PostgreSQL's JSON operators could not read it.
    const surrogate = signedDelivery(SECRET, '{"note":"\\ud800"}');
    expect(await server.post(surrogate.body, surrogate.headers)).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_REQUEST' } },
    });
    expect(await countStored(sql)).toEqual(before);
    // A backslash followed by the text u0000 is no NUL: stored as sent.
    const lookalike = signedDelivery(SECRET, '{"note":"\\\\u0000"}');
    expect((await server.post(lookalike.body, lookalike.headers)).status).toBe(200);
    const [stored] = await sql<{ note: string }[]>`
      select payload ->> 'note' as note from kit.webhook_deliveries
      where delivery_id = ${lookalike.headers['x-test-webhook-id'] ?? ''}`;
    expect(stored?.note).toBe('\\u0000');
  });

  it('logs refusals and stored deliveries without the signature or the payload', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'webhooks-test', level: 'debug', destination });
    const logged = await startWebhookTestServer({ sql, queue, logger, source });
    try {
      const delivery = signedDelivery(SECRET, '{"email":"buyer@example.com"}');
      expect((await logged.post(delivery.body, delivery.headers)).status).toBe(200);
      expect((await logged.post('{"email":"x"}', delivery.headers)).status).toBe(401);
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('webhook delivery stored');
    expect(log).toContain('webhook delivery refused');
    const signature =
      signedDelivery(SECRET, '{"email":"buyer@example.com"}').headers['x-test-hmac-sha256'] ?? '';
    for (const secret of [SECRET, signature, 'buyer@example.com']) expect(log).not.toContain(secret);
  });

  it('answers 503 with Retry-After when the database is down, so the provider delivers again', async () => {
    const down = postgres(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`, {
      max: 1,
      connect_timeout: 2,
      onnotice: () => {},
    });
    const downServer = await startWebhookTestServer({ sql: down, queue, logger: silentLogger(), source });
    try {
      const delivery = signedDelivery(SECRET, '{"id":5}');
      const response = await downServer.post(delivery.body, delivery.headers);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(response.json).toMatchObject({ error: { code: 'INTERNAL' } });
    } finally {
      await downServer.close();
      await down.end({ timeout: 1 });
    }
  });
});
