import {
  collectEvents,
  createEventsTestDatabase,
  describeEventBusContract,
  type EventsTestDatabase,
  publishFromChildProcess,
  settle,
} from '@ionflux/testing/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { createPostgresEventBus } from './create-postgres-event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { pruneEvents } from './prune-events.ts';

let testDb: EventsTestDatabase;
beforeAll(async () => {
  testDb = await createEventsTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const logger = createLogger({ service: 'event-bus-test', level: 'silent' });
const createBus = () => createPostgresEventBus({ sql: testDb.database.sql, logger });

describeEventBusContract('createPostgresEventBus', createBus);

describe('createPostgresEventBus', () => {
  let bus: EventBus;
  beforeAll(async () => {
    bus = await createBus();
  });
  afterAll(async () => {
    await bus?.close();
  });

  it('delivers to a subscriber here an event another Node process publishes on the same database', async () => {
    const received = await collectEvents(bus, 'cross-process');
    const ids = await publishFromChildProcess(testDb.url, 'cross-process', 3);
    const events = await received.waitFor(3);
    expect(events.map((e) => e.id)).toEqual(ids);
    const payloads = events.map((e) => e.payload as { pid: number; index: number });
    expect(payloads.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(payloads.every((p) => p.pid !== process.pid)).toBe(true);
  });

  it('delivers a payload over NOTIFY’s 8000-byte limit by reference', async () => {
    const raw: string[] = [];
    const listening = await testDb.database.sql.listen('ionflux_events', (message) => raw.push(message));
    try {
      const received = await collectEvents(bus, 'large');
      const payload = { blob: 'x'.repeat(20_000), items: Array.from({ length: 200 }, (_, i) => ({ i })) };
      const published = await bus.publish('large', payload);
      const [event] = await received.waitFor(1);
      expect(event?.payload).toEqual(payload);
      const announced = raw.map((m) => JSON.parse(m) as Record<string, unknown>);
      const message = announced.find((m) => m['id'] === published.id);
      expect(message).toMatchObject({ id: published.id, topic: 'large' });
      expect(message).not.toHaveProperty('payload');
    } finally {
      await listening.unlisten();
    }
  });

  it('never delivers an event published in a transaction that rolls back', async () => {
    const received = await collectEvents(bus, 'tx');
    await expect(
      testDb.database.sql.begin(async (tx) => {
        await bus.publish('tx', 'rolled back', { tx });
        throw new Error('abort the transaction');
      }),
    ).rejects.toThrow('abort the transaction');
    await bus.publish('tx', 'after');
    await received.waitFor(1);
    await settle();
    expect(received.events.map((e) => e.payload)).toEqual(['after']);
  });

  it('delivers an event published in a transaction only once it commits', async () => {
    const received = await collectEvents(bus, 'tx-commit');
    await testDb.database.sql.begin(async (tx) => {
      await bus.publish('tx-commit', 'committed', { tx });
      await settle(300);
      expect(received.events).toEqual([]);
    });
    expect((await received.waitFor(1)).map((e) => e.payload)).toEqual(['committed']);
  });

  it('delivers an event whose transaction commits after a later id of another topic was delivered', async () => {
    const slow = await collectEvents(bus, 'slow');
    const fast = await collectEvents(bus, 'fast');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowId = 0;
    const slowTx = testDb.database.sql.begin(async (tx) => {
      slowId = (await bus.publish('slow', 'late', { tx })).id;
      await held;
    });
    await expect.poll(() => slowId).toBeGreaterThan(0);
    const quick = await bus.publish('fast', 'early');
    expect(quick.id).toBeGreaterThan(slowId);
    await fast.waitFor(1);
    release();
    await slowTx;
    expect((await slow.waitFor(1)).map((e) => e.id)).toEqual([slowId]);
  });

  it('prunes events older than a date and keeps the rest', async () => {
    const sql = testDb.database.sql;
    const old = await bus.publish('prune', 'old');
    await sql`update kit.events set created_at = now() - interval '2 days' where id = ${old.id}`;
    const recent = await bus.publish('prune', 'recent');
    const pruned = await pruneEvents(sql, new Date(Date.now() - 24 * 3600_000));
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await sql`select id from kit.events where id in (${old.id}, ${recent.id})`;
    expect(left.map((r) => Number(r['id']))).toEqual([recent.id]);
  });
});
