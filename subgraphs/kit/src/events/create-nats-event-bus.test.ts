import { PassThrough } from 'node:stream';
import {
  collectEvents,
  createEventsTestDatabase,
  describeEventBusContract,
  type EventsTestDatabase,
  publishFromChildProcess,
  settle,
} from '@ionflux/testing/events';
import { type RunningNatsServer, startNatsServer } from '@ionflux/testing/nats';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { createLogger } from '../logging/index.ts';
import { createEventBus } from './create-event-bus.ts';
import { createNatsEventBus, type NatsEventBusDeps } from './create-nats-event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { insertOutboxEvent } from './insert-outbox-event.ts';
import { subjectOf } from './nats-subject.ts';

let testDb: EventsTestDatabase;
let nats: RunningNatsServer;
beforeAll(async () => {
  [testDb, nats] = await Promise.all([createEventsTestDatabase(), startNatsServer()]);
});
afterAll(async () => {
  await nats?.dispose();
  await testDb?.drop();
});

const logger = createLogger({ service: 'nats-event-bus-test', level: 'silent' });
const createBus = (overrides: Partial<NatsEventBusDeps> = {}) =>
  createNatsEventBus({ servers: [nats.url], sql: testDb.database.sql, logger, ...overrides });

describeEventBusContract('createNatsEventBus', () => createBus());

describe('createNatsEventBus', () => {
  let bus: EventBus;
  beforeAll(async () => {
    bus = await createBus();
  });
  afterAll(async () => {
    await bus?.close();
  });

  it('delivers to a subscriber here an event another Node process publishes through the same NATS and database', async () => {
    const received = await collectEvents(bus, 'cross-process');
    const ids = await publishFromChildProcess(testDb.url, 'cross-process', 3, nats.url);
    const events = await received.waitFor(3);
    expect(events.map((e) => e.id)).toEqual(ids);
    const payloads = events.map((e) => e.payload as { pid: number; index: number });
    expect(payloads.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(payloads.every((p) => p.pid !== process.pid)).toBe(true);
  });

  it('stores each event in the JetStream stream on its topic’s subject, and empties the outbox once stored', async () => {
    const received = await collectEvents(bus, 'workspace:w-1:notifications');
    const published = await bus.publish('workspace:w-1:notifications', { note: 'stored' });
    await received.waitFor(1);
    const nc = await connect({ servers: nats.url });
    try {
      const stored = await (await jetstreamManager(nc)).streams.getMessage('IONFLUX_EVENTS', {
        last_by_subj: 'ionflux.events.workspace.w-1.notifications',
      });
      expect(stored?.json()).toEqual({
        id: published.id,
        topic: 'workspace:w-1:notifications',
        createdMs: published.createdAt.getTime(),
        payload: { note: 'stored' },
      });
      expect(stored?.header.get('Nats-Msg-Id')).toBe(String(published.id));
    } finally {
      await nc.close();
    }
    // The relay deletes the row in the transaction it read it in, committed just after JetStream's ack.
    await expect
      .poll(async () => testDb.database.sql`select id from kit.events where id = ${published.id}`)
      .toHaveLength(0);
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

  it('delivers an event published in a transaction only once it commits, however long it stays open', async () => {
    const received = await collectEvents(bus, 'tx-commit');
    let committedAt = 0;
    await testDb.database.sql.begin(async (tx) => {
      await bus.publish('tx-commit', 'committed', { tx });
      // Longer than several of the relay's waits for the transaction (250 ms each).
      await settle(1500);
      expect(received.events).toEqual([]);
      committedAt = Date.now();
    });
    expect((await received.waitFor(1)).map((e) => e.payload)).toEqual(['committed']);
    // The relay saw the commit itself: the sweep would take up to 5 s.
    expect(Date.now() - committedAt).toBeLessThan(2000);
  });

  it('carries a payload far over NOTIFY’s 8000 bytes in the message itself', async () => {
    const received = await collectEvents(bus, 'large');
    const payload = { blob: 'x'.repeat(500_000), items: Array.from({ length: 200 }, (_, i) => ({ i })) };
    await bus.publish('large', payload);
    const [event] = await received.waitFor(1);
    expect(event?.payload).toEqual(payload);
  });

  it('refuses an event over the server’s max_payload before writing anything, naming the limit', async () => {
    const received = await collectEvents(bus, 'too-large');
    const publishing = bus.publish('too-large', { blob: 'x'.repeat(1_100_000) });
    await expect(publishing).rejects.toThrow(/max_payload of 1048576 bytes/);
    await expect(publishing).rejects.toBeInstanceOf(IntegrationError);
    expect(await testDb.database.sql`select id from kit.events where topic = 'too-large'`).toHaveLength(0);
    await bus.publish('too-large', 'small');
    expect((await received.waitFor(1)).map((e) => e.payload)).toEqual(['small']);
  });

  it('ignores what others write to the stream that is no event or sits on another topic’s subject', async () => {
    const lines: string[] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const watched = await createBus({
      logger: createLogger({ service: 'forged', level: 'warn', destination }),
    });
    const nc = await connect({ servers: nats.url });
    try {
      const received = await collectEvents(watched, (topic) => topic.startsWith('forged'));
      const js = jetstream(nc);
      const subject = subjectOf('ionflux.events', 'forged:a');
      await js.publish(subject, 'not json');
      await js.publish(subject, JSON.stringify({ id: 1, topic: 'forged:a' }));
      await js.publish(subject, JSON.stringify([1, 2, 3]));
      // A well-formed event that claims a topic other than its subject's.
      await js.publish(subject, JSON.stringify({ id: 9e12, topic: 'forged:b', createdMs: 0, payload: 'x' }));
      await bus.publish('forged:a', 'real');
      expect((await received.waitFor(1)).map((e) => e.payload)).toEqual(['real']);
      await settle();
      expect(received.events).toHaveLength(1);
      expect(lines.filter((l) => l.includes('no event'))).toHaveLength(4);
    } finally {
      await nc.close();
      await watched.close();
    }
  });

  it('delivers an event once even when the stream holds it twice', async () => {
    const received = await collectEvents(bus, 'twice');
    const first = await bus.publish('twice', 1);
    await received.waitFor(1);
    const nc = await connect({ servers: nats.url });
    try {
      // What a relay that lost its Postgres commit after JetStream's duplicate window would store again.
      const copy = { id: first.id, topic: 'twice', createdMs: first.createdAt.getTime(), payload: 1 };
      await jetstream(nc).publish(subjectOf('ionflux.events', 'twice'), JSON.stringify(copy), {
        msgID: 'other',
      });
    } finally {
      await nc.close();
    }
    await bus.publish('twice', 2);
    await received.waitFor(2);
    await settle();
    expect(received.events.map((e) => e.payload)).toEqual([1, 2]);
  });

  it('relays an event whose publisher died between its commit and the relay, from another process', async () => {
    const sweeping = await createBus({ sweepIntervalMs: 200 });
    try {
      const received = await collectEvents(sweeping, 'orphan');
      // The publisher's part alone: committed in the outbox, no relay of its own.
      const orphan = await testDb.database.sql.begin((tx) => insertOutboxEvent(tx, 'orphan', 'left behind'));
      const [event] = await received.waitFor(1);
      expect(event).toEqual(orphan);
    } finally {
      await sweeping.close();
    }
  });

  it('leaves alone the rows the Postgres bus logged before the stream existed', async () => {
    const sql = testDb.database.sql;
    const [old] = await sql<{ id: string }[]>`
      insert into kit.events (topic, payload, created_at) values ('switched', '"postgres era"', now() - interval '1 day')
      returning id`;
    const received = await collectEvents(bus, 'switched');
    await bus.publish('switched', 'nats era');
    await received.waitFor(1);
    await settle();
    expect(received.events.map((e) => e.payload)).toEqual(['nats era']);
    expect(await sql`select id from kit.events where id = ${old?.id ?? 0}`).toHaveLength(1);
  });
});

describe('createEventBus', () => {
  it('fans out through NATS for a nats:// URL with credentials, and names no password when they are refused', async () => {
    const guarded = await startNatsServer({ user: 'ionflux', pass: 'correct-horse-battery' });
    try {
      const url = new URL(guarded.url);
      url.username = 'ionflux';
      url.password = 'correct-horse-battery';
      const bus = await createEventBus({ url: url.toString(), sql: testDb.database.sql, logger });
      try {
        const received = await collectEvents(bus, 'guarded');
        await bus.publish('guarded', 'through');
        expect((await received.waitFor(1)).map((e) => e.payload)).toEqual(['through']);
      } finally {
        await bus.close();
      }
      url.password = 'wrong-password-123';
      const refused = createEventBus({ url: url.toString(), sql: testDb.database.sql, logger });
      await expect(refused).rejects.toThrow(
        /could not connect to NATS at nats:\/\/127\.0\.0\.1:\d+: .*(auth|Auth)/,
      );
      const message = await refused.catch((error: Error) => `${error.message} ${String(error.cause)}`);
      expect(message).not.toContain('wrong-password-123');
    } finally {
      await guarded.dispose();
    }
  });

  it('fans out through Postgres NOTIFY when IONFLUX_EVENT_BUS is unset or postgres', async () => {
    for (const url of [undefined, 'postgres']) {
      const notified: string[] = [];
      const listening = await testDb.database.sql.listen('ionflux_events', (raw) => notified.push(raw));
      const bus = await createEventBus({ url, sql: testDb.database.sql, logger });
      try {
        const received = await collectEvents(bus, 'by-postgres');
        const event = await bus.publish('by-postgres', String(url));
        await received.waitFor(1);
        expect(notified.map((raw) => (JSON.parse(raw) as { id: number }).id)).toContain(event.id);
      } finally {
        await bus.close();
        await listening.unlisten();
      }
    }
  });

  it('refuses a URL that is no bus, saying what it must be', async () => {
    await expect(
      createEventBus({ url: 'redis://user:hunter2-secret@host', sql: testDb.database.sql, logger }),
    ).rejects.toThrow(/IONFLUX_EVENT_BUS must be unset or `postgres`.*nats:\/\//);
  });
});
