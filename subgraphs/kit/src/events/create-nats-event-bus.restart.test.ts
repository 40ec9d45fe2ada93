import { PassThrough } from 'node:stream';
import {
  type CollectedEvents,
  collectEvents,
  createEventsTestDatabase,
  type EventsTestDatabase,
  settle,
} from '@ionflux/testing/events';
import { startTcpProxy } from '@ionflux/testing/http';
import { type RunningNatsServer, startNatsServer } from '@ionflux/testing/nats';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../db/index.ts';
import { createLogger } from '../logging/index.ts';
import { createNatsEventBus } from './create-nats-event-bus.ts';
import type { BusEvent, EventBus } from './event-bus.ts';

/** One instance of a service: its own pool, its own NATS connection, its log lines. */
interface Instance {
  name: string;
  database: DatabaseHandle;
  bus: EventBus;
  logLines: { at: number; line: string }[];
}

// A nats-server of its own: this file stops and restarts it.
describe('createNatsEventBus across a NATS restart', () => {
  let testDb: EventsTestDatabase;
  let nats: RunningNatsServer;
  const instances: Instance[] = [];

  beforeAll(async () => {
    [testDb, nats] = await Promise.all([createEventsTestDatabase(), startNatsServer()]);
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) {
      await instance.bus.close();
      await instance.database.close();
    }
  });
  afterAll(async () => {
    await nats?.dispose();
    await testDb?.drop();
  });

  /** Messages the stream holds now, read over a connection of the test's own. */
  async function storedMessages(): Promise<number> {
    const nc = await connect({ servers: nats.url });
    try {
      return (await (await jetstreamManager(nc)).streams.info('IONFLUX_EVENTS')).state.messages;
    } finally {
      await nc.close();
    }
  }

  async function startInstance(name: string, servers = [nats.url]): Promise<Instance> {
    const logLines: Instance['logLines'] = [];
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => logLines.push({ at: Date.now(), line: chunk.toString() }));
    const database = connectDatabase(testDb.url, { applicationName: `ionflux-${name}` });
    const bus = await createNatsEventBus({
      servers,
      sql: database.sql,
      logger: createLogger({ service: name, level: 'info', destination }),
      reconnectWaitMs: 250,
    });
    const instance = { name, database, bus, logLines };
    instances.push(instance);
    return instance;
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'delivers every event published before, during and after a restart (%s) to every subscriber once, in order per topic',
    async (signal) => {
      const a = await startInstance('instance-a');
      const b = await startInstance('instance-b');
      const topics = ['restart:orders', 'restart:notifications'];
      const collectors: { instance: string; topic: string; collected: CollectedEvents }[] = [];
      for (const instance of [a, b]) {
        for (const topic of topics) {
          collectors.push({
            instance: instance.name,
            topic,
            collected: await collectEvents(instance.bus, topic),
          });
        }
      }
      const published: BusEvent[] = [];
      // Both instances publish on both topics, every third event inside a transaction of their own.
      const publishRound = async (round: string, count: number) => {
        for (let i = 0; i < count; i++) {
          const instance = i % 2 === 0 ? a : b;
          const topic = topics[Math.floor(i / 2) % 2] as string;
          const payload = { round, i };
          published.push(
            i % 3 === 0
              ? await instance.database.sql.begin((tx) => instance.bus.publish(topic, payload, { tx }))
              : await instance.bus.publish(topic, payload),
          );
        }
      };
      const expectedFor = (topic: string) =>
        published
          .filter((e) => e.topic === topic)
          .map((e) => e.id)
          .sort((x, y) => x - y);
      const allDelivered = (timeoutMs: number) =>
        Promise.all(
          collectors.map(({ topic, collected }) => collected.waitFor(expectedFor(topic).length, timeoutMs)),
        );

      await publishRound('before', 20);
      await allDelivered(10_000);
      const storedBefore = await storedMessages();

      await nats.stop(signal);
      const stoppedAt = Date.now();
      await publishRound('during', 20);
      // Every publish returned: the events wait in the outbox, as rows of kit.events.
      const waiting = await testDb.database.sql`
        select id from kit.events where topic in ${testDb.database.sql(topics)} and payload->>'round' = 'during'`;
      expect(waiting.length).toBe(20);
      await settle(1500);

      await nats.start();
      const restartedAt = Date.now();
      await publishRound('after', 20);
      await allDelivered(30_000);
      const deliveredAt = Date.now();
      await settle();

      for (const { instance, topic, collected } of collectors) {
        expect(
          collected.events.map((e) => e.id),
          `${instance} on ${topic}`,
        ).toEqual(expectedFor(topic));
        expect(collected.events.map((e) => e.payload)).toEqual(
          published.filter((e) => e.topic === topic).map((e) => e.payload),
        );
      }
      await expect
        .poll(
          async () =>
            testDb.database.sql`select id from kit.events where topic in ${testDb.database.sql(topics)}`,
        )
        .toHaveLength(0);
      // The stream kept what it had across the restart and stored each later event once.
      expect(await storedMessages()).toBe(storedBefore + 40);

      const reconnectedAt = Math.min(
        ...[a, b].map(
          (i) => i.logLines.find((l) => l.line.includes('reconnected to NATS'))?.at ?? Number.NaN,
        ),
      );
      const received = collectors.reduce((sum, { collected }) => sum + collected.events.length, 0);
      console.info(
        `NATS restart (${signal}): ${published.length} events published (20 before, 20 while the server was down for ` +
          `${restartedAt - stoppedAt} ms, 20 after), ${received} deliveries to ${collectors.length} subscribers ` +
          `(each event to 2); first instance reconnected ${reconnectedAt - restartedAt} ms after the server was ` +
          `back, every event delivered ${deliveredAt - restartedAt} ms after`,
      );
    },
    60_000,
  );

  it('replays from the last sequence it saw what the stream stored while its own connection was cut', async () => {
    const proxy = await startTcpProxy(nats.port);
    try {
      const publisher = await startInstance('publisher');
      const cutOff = await startInstance('cut-off', [`nats://127.0.0.1:${proxy.port}`]);
      const received = await collectEvents(cutOff.bus, 'partition');
      const first = await publisher.bus.publish('partition', 'before');
      await received.waitFor(1);

      proxy.cut();
      await expect.poll(() => cutOff.logLines.some((l) => l.line.includes('lost the connection'))).toBe(true);
      // Stored in JetStream meanwhile: the publisher's connection is fine.
      const meanwhile: BusEvent[] = [];
      for (let i = 0; i < 10; i++) meanwhile.push(await publisher.bus.publish('partition', { meanwhile: i }));
      await expect
        .poll(async () => publisher.database.sql`select id from kit.events where topic = 'partition'`)
        .toHaveLength(0);
      await settle(500);
      expect(received.events).toHaveLength(1);

      proxy.restore();
      const restoredAt = Date.now();
      const events = await received.waitFor(11, 30_000);
      await settle();
      expect(received.events.map((e) => e.id)).toEqual([first.id, ...meanwhile.map((e) => e.id)]);
      expect(events.slice(1).map((e) => e.payload)).toEqual(meanwhile.map((e) => e.payload));
      console.info(
        `partition: 10 events stored while cut off, replayed ${Date.now() - restoredAt} ms after the link came back`,
      );
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
