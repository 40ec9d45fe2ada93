import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, silentLogger } from '@ionflux/testing/jobs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../db/index.ts';
import { createJobQueue } from '../jobs/index.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('npm run webhooks:replay -- <delivery-id>', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit')]);
    // The queue's schema, as any service that enqueues has installed it.
    await (await createJobQueue({ databaseUrl: database.url, logger: silentLogger() })).close();
    sql = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const replay = (...args: string[]) =>
    run(process.execPath, ['scripts/replay-webhook.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  const deadDelivery = async (deliveryId: string) => {
    const [row] = await sql<{ id: string }[]>`
      insert into kit.webhook_deliveries
        (provider, delivery_id, topic, payload, process_task, status, attempts, last_error)
      values ('test', ${deliveryId}, 'orders/create', '{}'::jsonb, 'webhooks-test.command', 'DEAD', 10, 'boom')
      returning id`;
    if (!row) throw new Error('insert returned nothing');
    return row.id;
  };

  it('re-enqueues a DEAD delivery by its row id and resets it to RECEIVED', async () => {
    const id = await deadDelivery('cmd-1');
    const result = await replay(id);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`delivery ${id} queued`) });
    const [row] = await sql`select status, attempts from kit.webhook_deliveries where id = ${id}`;
    expect(row).toEqual({ status: 'RECEIVED', attempts: 0 });
    const jobs = await listQueuedJobs(database.url, 'webhooks-test.command');
    expect(jobs.filter((job) => job.key === id)).toMatchObject([{ payload: { deliveryId: id } }]);
  });

  it('finds the delivery by the provider’s id with --provider', async () => {
    const id = await deadDelivery('cmd-2');
    expect(await replay('--provider', 'test', 'cmd-2')).toMatchObject({ code: 0 });
    const [row] = await sql`select status from kit.webhook_deliveries where id = ${id}`;
    expect(row).toEqual({ status: 'RECEIVED' });
  });

  it('exits 1 naming the reason for an unknown delivery, and 2 without one', async () => {
    expect(await replay('00000000-0000-4000-8000-000000000000')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not_found'),
    });
    expect(await replay()).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  });
});
