import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { collectEvents } from '@ionflux/testing/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle, migrateDatabase } from '../db/index.ts';
import { type RunningPostgres, startEmbeddedPostgres } from '../embedded-postgres/index.ts';
import { createLogger } from '../logging/index.ts';
import { createPostgresEventBus } from './create-postgres-event-bus.ts';
import type { EventBus } from './event-bus.ts';

// A PostgreSQL of its own: this test stops and restarts the server, which the run's shared one must not.
describe('createPostgresEventBus across a database restart', () => {
  let dataDir: string;
  let server: RunningPostgres;
  let subscriberDb: DatabaseHandle;
  let subscriberBus: EventBus;
  const logLines: { at: number; line: string }[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-bus-restart-'));
    server = await startEmbeddedPostgres({ dataDir });
    await migrateDatabase(server.url, [migrationSet('kit')]);
    // A reconnect pause that grows to seconds (postgres.js's own, not the kit's 0.2 s cap): the listener then
    // comes back well after the server, so the publishes below certainly fall in the gap this test is about.
    subscriberDb = connectDatabase(server.url, {
      applicationName: 'ionflux-bus-subscriber',
      reconnectBackoffMaxSeconds: 20,
    });
    const destination = new PassThrough();
    destination.on('data', (chunk: Buffer) => logLines.push({ at: Date.now(), line: chunk.toString() }));
    subscriberBus = await createPostgresEventBus({
      sql: subscriberDb.sql,
      logger: createLogger({ service: 'subscriber', level: 'info', destination }),
    });
  });
  afterAll(async () => {
    await subscriberBus?.close();
    await subscriberDb?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // postgres.js's reconnect pause is jittered: now and then its listener is back a few ms before the
  // publishes land in the gap, and the run proves nothing about the gap. Such a run is tried again.
  it('delivers the events published while its listener was reconnecting', {
    retry: 2,
    timeout: 60_000,
  }, async () => {
    logLines.length = 0;
    const received = await collectEvents(subscriberBus, 'restart');
    await subscriberBus.publish('restart', 'before');
    await received.waitFor(1);

    // Down for a few seconds, as in a real restart: postgres.js's reconnect backoff grows meanwhile,
    // so its listener comes back seconds after the server does, and the publishes below fall in the gap.
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    server = await startEmbeddedPostgres({ dataDir, port: server.port });
    const restartedAt = Date.now();

    // Another process's connection publishes right away, well inside the listener's reconnect gap.
    const publisherDb = connectDatabase(server.url, { applicationName: 'ionflux-bus-publisher' });
    const publisherBus = await createPostgresEventBus({
      sql: publisherDb.sql,
      logger: createLogger({ service: 'publisher', level: 'silent' }),
    });
    try {
      const during = [];
      for (let i = 0; i < 3; i++) during.push(await publisherBus.publish('restart', { during: i }));
      const publishedAt = Date.now();

      const events = await received.waitFor(4, 30_000);
      const deliveredAt = Date.now();
      expect(events.map((e) => e.payload)).toEqual(['before', { during: 0 }, { during: 1 }, { during: 2 }]);
      expect(events.slice(1).map((e) => e.id)).toEqual(during.map((e) => e.id));

      // The events really were sent while nobody listened: NOTIFY lost them and the resync found them.
      const relistened = logLines.find((l) => l.line.includes('listening again'));
      expect(relistened?.at).toBeGreaterThan(publishedAt);
      await expect.poll(() => logLines.some((l) => /"delivered":3.*resynchronised/.test(l.line))).toBe(true);
      console.info(
        `restart: published ${publishedAt - restartedAt} ms after the server was back, listener back after ` +
          `${(relistened?.at ?? 0) - restartedAt} ms, events delivered after ${deliveredAt - restartedAt} ms`,
      );

      // And live delivery works again on the new listener.
      await publisherBus.publish('restart', 'after');
      expect((await received.waitFor(5)).at(-1)?.payload).toBe('after');
    } finally {
      await publisherBus.close();
      await publisherDb.close();
    }
  });
});
