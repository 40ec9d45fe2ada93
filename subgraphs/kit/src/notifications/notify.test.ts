import { randomUUID } from 'node:crypto';
import {
  collectEvents,
  createEventsTestDatabase,
  type EventsTestDatabase,
  settle,
} from '@ionflux/testing/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresEventBus, type EventBus } from '../events/index.ts';
import { createLogger } from '../logging/index.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';
import { notificationFromEvent } from './notification-event.ts';
import { notificationsTopic } from './notifications-topic.ts';
import { notify } from './notify.ts';
import type { NotifyInput } from './workspace-notification.ts';

let testDb: EventsTestDatabase;
let bus: EventBus;
beforeAll(async () => {
  testDb = await createEventsTestDatabase();
  bus = await createPostgresEventBus({
    sql: testDb.database.sql,
    logger: createLogger({ service: 'notifications-test', level: 'silent' }),
  });
});
afterAll(async () => {
  await bus?.close();
  await testDb?.drop();
});

const note = (workspaceId: string, title: string): NotifyInput => ({
  workspaceId,
  kind: 'CONNECTION_DEGRADED',
  severity: 'WARNING',
  title,
  message: `${title}: details`,
  provider: 'shopify',
  connectionId: randomUUID(),
  data: { attempt: 3 },
});

describe('notify', () => {
  it('stores the notification and publishes it on the workspace’s topic', async () => {
    const workspaceId = randomUUID();
    const received = await collectEvents(bus, notificationsTopic(workspaceId));
    const stored = await notify({ sql: testDb.database.sql, bus }, note(workspaceId, 'Slow store'));

    expect(stored).toMatchObject({ workspaceId, title: 'Slow store', readAt: null, data: { attempt: 3 } });
    const [event] = await received.waitFor(1);
    expect(event?.topic).toBe(`workspace:${workspaceId}:notifications`);
    expect(event && notificationFromEvent(event)).toEqual(stored);
    expect(await listNotifications(testDb.database.db, workspaceId)).toEqual([stored]);
  });

  it('stores and publishes nothing when the caller’s transaction rolls back', async () => {
    const workspaceId = randomUUID();
    const received = await collectEvents(bus, notificationsTopic(workspaceId));
    await expect(
      testDb.database.sql.begin(async (tx) => {
        await notify({ sql: testDb.database.sql, bus }, note(workspaceId, 'Never'), { tx });
        throw new Error('the connection update failed');
      }),
    ).rejects.toThrow('the connection update failed');
    await settle();
    expect(received.events).toEqual([]);
    expect(await listNotifications(testDb.database.db, workspaceId)).toEqual([]);
  });
});

describe('workspace notifications', () => {
  const mine = randomUUID();
  const theirs = randomUUID();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [workspaceId, title] of [
      [mine, 'first'],
      [theirs, 'other workspace'],
      [mine, 'second'],
      [mine, 'third'],
    ] as const) {
      ids[title] = (await notify({ sql: testDb.database.sql, bus }, note(workspaceId, title))).id;
    }
  });

  it('lists only the workspace’s own, newest first, as many as asked', async () => {
    const all = await listNotifications(testDb.database.db, mine);
    expect(all.map((n) => n.title)).toEqual(['third', 'second', 'first']);
    const two = await listNotifications(testDb.database.db, mine, { first: 2 });
    expect(two.map((n) => n.title)).toEqual(['third', 'second']);
    expect((await listNotifications(testDb.database.db, theirs)).map((n) => n.title)).toEqual([
      'other workspace',
    ]);
  });

  it('marks read only the workspace’s own unread notifications, and lists the unread', async () => {
    const db = testDb.database.db;
    const requested = [ids['first'] ?? '', ids['other workspace'] ?? '', randomUUID(), 'not-a-uuid'];
    expect(await markNotificationsRead(db, mine, requested)).toBe(1);
    expect(await markNotificationsRead(db, mine, requested)).toBe(0);

    const unread = await listNotifications(db, mine, { unreadOnly: true });
    expect(unread.map((n) => n.title)).toEqual(['third', 'second']);
    const [first] = (await listNotifications(db, mine)).filter((n) => n.title === 'first');
    expect(first?.readAt).toBeInstanceOf(Date);
    const [other] = await listNotifications(db, theirs);
    expect(other?.readAt).toBeNull();
  });
});
