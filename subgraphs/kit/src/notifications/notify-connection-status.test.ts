import { randomUUID } from 'node:crypto';
import { collectEvents, createEventsTestDatabase } from '@ionflux/testing/events';
// The kit names no provider: a provider's registration supplies the words (each subgraph tests its own).
import { exampleProvider, exampleStoreProvider } from '@ionflux/testing/providers';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventBus } from '../events/index.ts';
import { type ConnectionChange, connectionStatusNotice } from './connection-status-notice.ts';
import { notificationFromEvent } from './notification-event.ts';
import { notificationsTopic } from './notifications-topic.ts';
import { notifyConnectionStatus } from './notify-connection-status.ts';

describe('connectionStatusNotice', () => {
  it('tells the workspace to reconnect, naming the store and the reason', () => {
    expect(
      connectionStatusNotice(exampleStoreProvider, 'acme', 'NEEDS_REAUTH', 'access was revoked.'),
    ).toEqual({
      kind: 'CONNECTION_NEEDS_REAUTH',
      severity: 'ERROR',
      title: 'Reconnect your Example Market store acme',
      message:
        'Reconnect your Example Market store acme: access was revoked. ' +
        'Features that use it stop working until you do.',
    });
  });

  it.each<[ConnectionChange, string, string]>([
    ['CONNECTED', 'CONNECTION_CONNECTED', 'INFO'],
    ['NEEDS_REAUTH', 'CONNECTION_NEEDS_REAUTH', 'ERROR'],
    ['DISCONNECTED', 'CONNECTION_DISCONNECTED', 'INFO'],
    ['UNINSTALLED', 'CONNECTION_UNINSTALLED', 'WARNING'],
    ['DEGRADED', 'CONNECTION_DEGRADED', 'WARNING'],
    ['RECOVERED', 'CONNECTION_RECOVERED', 'INFO'],
  ])('%s is %s at %s and names the account in title and message', (status, kind, severity) => {
    const notice = connectionStatusNotice(exampleProvider, '@stylist', status);
    expect(notice).toMatchObject({ kind, severity });
    expect(notice.title).toContain('@stylist');
    expect(notice.message).toContain('@stylist');
    expect(notice.message).not.toMatch(/undefined|\.\./);
  });
});

describe('notifyConnectionStatus', () => {
  it('stores and publishes the connection’s notice with its provider, connection and reason', async () => {
    const testDb = await createEventsTestDatabase();
    const bus = createInMemoryEventBus();
    try {
      const workspaceId = randomUUID();
      const connectionId = randomUUID();
      const received = await collectEvents(bus, notificationsTopic(workspaceId));
      const stored = await notifyConnectionStatus(
        { sql: testDb.database.sql, bus },
        {
          workspaceId,
          provider: exampleStoreProvider,
          connectionId,
          accountLabel: 'acme',
          status: 'DEGRADED',
          reason: 'Example Market answers 503',
        },
      );
      expect(stored).toMatchObject({
        workspaceId,
        kind: 'CONNECTION_DEGRADED',
        severity: 'WARNING',
        provider: 'example_store',
        connectionId,
        title: 'Problems reaching your Example Market store acme',
        data: { status: 'DEGRADED', accountLabel: 'acme', reason: 'Example Market answers 503' },
      });
      expect(stored.message).toContain(
        'Requests to Example Market for acme are failing: Example Market answers 503.',
      );
      const [event] = await received.waitFor(1);
      expect(event && notificationFromEvent(event)).toEqual(stored);
    } finally {
      await bus.close();
      await testDb.drop();
    }
  });
});
