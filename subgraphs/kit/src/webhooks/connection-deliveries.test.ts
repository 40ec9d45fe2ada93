import { randomUUID } from 'node:crypto';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { listQueuedJobs, silentLogger } from '@ionflux/testing/jobs';
import { exampleProvider, exampleStoreProvider } from '@ionflux/testing/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrationProvider } from '../connections/index.ts';
import { connectDatabase, type DatabaseHandle, migrateDatabase } from '../db/index.ts';
import { createJobQueue, type JobQueue } from '../jobs/index.ts';
import type { ConnectionDeliveryScope } from './connection-deliveries.ts';
import { listConnectionDeliveries, replayConnectionDelivery } from './connection-deliveries.ts';
import { connectionDeliveryScope } from './connection-delivery-scope.ts';

// A connection's webhook deliveries as its workspace sees them: the scope (its provider, its account,
// since it was made), the listing and the replay, on a real database and job queue.

const TASK = 'webhooks-example.process';
const workspaceId = randomUUID();
const otherWorkspaceId = randomUUID();

let database: TestDatabase;
let handle: DatabaseHandle;
let queue: JobQueue & { close(): Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateDatabase(database.url, [migrationSet('kit')]);
  queue = await createJobQueue({ databaseUrl: database.url, logger: silentLogger() });
  handle = connectDatabase(database.url, { maxConnections: 2 });
});

afterAll(async () => {
  await handle?.close();
  await queue?.close();
  await database?.drop();
});

async function connect(workspace: string, provider: IntegrationProvider, accountId: string) {
  const [row] = await handle.sql<{ id: string }[]>`
    insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status)
    values (${workspace}, ${provider.id}, 'brand', ${randomUUID()}, ${accountId}, 'CONNECTED')
    returning id`;
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

async function deliver(
  provider: IntegrationProvider,
  accountId: string,
  options: { topic?: string; status?: string; secondsAgo?: number; processTask?: string | null } = {},
) {
  const [row] = await handle.sql<{ id: string }[]>`
    insert into kit.webhook_deliveries
      (provider, delivery_id, topic, account_id, payload, process_task, status, attempts, last_error, received_at)
    values (${provider.id}, ${randomUUID()}, ${options.topic ?? 'orders/create'}, ${accountId}, '{}'::json,
      ${options.processTask === undefined ? TASK : options.processTask}, ${options.status ?? 'PROCESSED'},
      ${options.status === 'DEAD' ? 3 : 1}, ${options.status === 'DEAD' ? 'boom' : null},
      now() - make_interval(secs => ${options.secondsAgo ?? 0}))
    returning id`;
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
  );

describe('connectionDeliveryScope', () => {
  it('is the connection’s provider, account and creation time, for its own workspace only', async () => {
    const id = await connect(workspaceId, exampleProvider, 'account-scope');
    const scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    expect(scope).toMatchObject({ connectionId: id, provider: 'example', accountId: 'account-scope' });
    expect(Date.now() - scope.since.getTime()).toBeLessThan(60_000);
    const notFound = 'NOT_FOUND: That Example connection does not exist in this workspace.';
    expect(await codeOf(connectionDeliveryScope(handle.db, otherWorkspaceId, exampleProvider, id))).toBe(
      notFound,
    );
    // The same id asked of another provider, an id that names nothing, and one that is no UUID.
    expect(await codeOf(connectionDeliveryScope(handle.db, workspaceId, exampleStoreProvider, id))).toBe(
      'NOT_FOUND: That Example Market connection does not exist in this workspace.',
    );
    for (const unknown of [randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      expect(await codeOf(connectionDeliveryScope(handle.db, workspaceId, exampleProvider, unknown))).toBe(
        notFound,
      );
    }
  });
});

describe('listConnectionDeliveries', () => {
  let scope: ConnectionDeliveryScope;
  const mine: string[] = [];

  beforeAll(async () => {
    // Received before the connection was made: another workspace's time with the account.
    await deliver(exampleProvider, 'account-list', { secondsAgo: 3600 });
    // Made ten minutes ago, so that each delivery below is newer than it and than the one before.
    const id = await connect(workspaceId, exampleProvider, 'account-list');
    await handle.sql`
      update kit.integration_connections set created_at = now() - interval '10 minutes' where id = ${id}`;
    scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    mine.push(await deliver(exampleProvider, 'account-list', { secondsAgo: 30, topic: 'a' }));
    mine.push(await deliver(exampleProvider, 'account-list', { secondsAgo: 20, topic: 'b', status: 'DEAD' }));
    mine.push(await deliver(exampleProvider, 'account-list', { secondsAgo: 10, topic: 'c' }));
    // Another account of the provider, and the same account name at another provider.
    await deliver(exampleProvider, 'account-other');
    await deliver(exampleStoreProvider, 'account-list');
  });

  it('lists the account’s deliveries since the connection was made, newest first, no payload', async () => {
    const listed = await listConnectionDeliveries(handle.sql, scope, {});
    expect(listed.map((d) => d.id)).toEqual([...mine].reverse());
    expect(listed.map((d) => d.topic)).toEqual(['c', 'b', 'a']);
    expect(listed[1]).toMatchObject({
      connectionId: scope.connectionId,
      status: 'DEAD',
      attempts: 3,
      error: 'boom',
      processedAt: null,
    });
    expect(listed[0]?.receivedAt).toBeInstanceOf(Date);
    expect(Object.keys(listed[0] ?? {})).not.toContain('payload');
  });

  it('filters by status and cuts at first', async () => {
    expect((await listConnectionDeliveries(handle.sql, scope, { status: 'DEAD' })).map((d) => d.id)).toEqual([
      mine[1],
    ]);
    expect((await listConnectionDeliveries(handle.sql, scope, { first: 1 })).map((d) => d.id)).toEqual([
      mine[2],
    ]);
  });

  it('refuses a first outside 1-200 with INVALID_REQUEST', async () => {
    for (const first of [0, -1, 201, 1.5]) {
      expect(await codeOf(listConnectionDeliveries(handle.sql, scope, { first }))).toBe(
        'INVALID_REQUEST: first must be between 1 and 200.',
      );
    }
  });
});

describe('replayConnectionDelivery', () => {
  it('resets a DEAD delivery of the connection and enqueues its task, keyed on the delivery', async () => {
    const id = await connect(workspaceId, exampleProvider, 'account-replay');
    const scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    const dead = await deliver(exampleProvider, 'account-replay', { status: 'DEAD' });
    const replayed = await replayConnectionDelivery(handle.sql, queue, scope, dead);
    expect(replayed).toMatchObject({ id: dead, status: 'RECEIVED', attempts: 0, processedAt: null });
    const jobs = await listQueuedJobs(database.url, TASK);
    expect(jobs.filter((job) => job.key === dead)).toMatchObject([{ payload: { deliveryId: dead } }]);
  });

  it('is NOT_FOUND for a delivery outside the scope, which stays as it was', async () => {
    const id = await connect(workspaceId, exampleProvider, 'account-mine');
    const scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    const notFound = 'NOT_FOUND: That webhook delivery does not exist for this connection in this workspace.';
    const others = [
      await deliver(exampleProvider, 'account-theirs', { status: 'DEAD' }),
      await deliver(exampleStoreProvider, 'account-mine', { status: 'DEAD' }),
      await deliver(exampleProvider, 'account-mine', { status: 'DEAD', secondsAgo: 3600 }),
    ];
    for (const other of [...others, randomUUID(), 'not-a-uuid']) {
      expect(await codeOf(replayConnectionDelivery(handle.sql, queue, scope, other))).toBe(notFound);
    }
    const rows = await handle.sql<{ status: string }[]>`
      select status from kit.webhook_deliveries where id = any(${others}::uuid[])`;
    expect(rows.map((row) => row.status)).toEqual(['DEAD', 'DEAD', 'DEAD']);
  });

  it('refuses with INVALID_REQUEST while a worker applies the delivery, which goes on untouched', async () => {
    const id = await connect(workspaceId, exampleProvider, 'account-busy');
    const scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    const busy = await deliver(exampleProvider, 'account-busy', { status: 'PROCESSING' });
    // Its job, as a worker holds it while applying the delivery.
    await queue.enqueue(TASK, { deliveryId: busy }, { jobKey: busy });
    await handle.sql`
      update graphile_worker._private_jobs set locked_by = 'worker-applying-it', locked_at = now()
      where key = ${busy}`;
    expect(await codeOf(replayConnectionDelivery(handle.sql, queue, scope, busy))).toBe(
      'INVALID_REQUEST: A worker is applying that delivery right now: try again when it ends.',
    );
    const [row] = await handle.sql<{ status: string; attempts: number }[]>`
      select status, attempts from kit.webhook_deliveries where id = ${busy}`;
    expect(row).toEqual({ status: 'PROCESSING', attempts: 1 });
    const [job] = await handle.sql<{ lockedBy: string | null }[]>`
      select locked_by as "lockedBy" from graphile_worker._private_jobs where key = ${busy}`;
    expect(job?.lockedBy).toBe('worker-applying-it');
  });

  it('refuses with INVALID_REQUEST a delivery that names no task to apply it', async () => {
    const id = await connect(workspaceId, exampleProvider, 'account-old');
    const scope = await connectionDeliveryScope(handle.db, workspaceId, exampleProvider, id);
    const old = await deliver(exampleProvider, 'account-old', { status: 'DEAD', processTask: null });
    expect(await codeOf(replayConnectionDelivery(handle.sql, queue, scope, old))).toBe(
      'INVALID_REQUEST: That delivery predates replay support and cannot be replayed.',
    );
  });
});
