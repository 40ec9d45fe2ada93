import { randomUUID } from 'node:crypto';
// The kit names no provider: the subgraphs' registrations supply the words.
import { shopifyProvider } from '@ionflux/shopify/registration';
import { tiktokProvider } from '@ionflux/tiktok/registration';
import { describe, expect, it } from 'vitest';
import { createInMemoryEventBus } from '../events/index.ts';
import { collectEvents } from '../events/testing/collect-events.ts';
import { createEventsTestDatabase } from '../events/testing/events-test-database.ts';
import { type ConnectionChange, connectionStatusNotice } from './connection-status-notice.ts';
import { notificationFromEvent } from './notification-event.ts';
import { notificationsTopic } from './notifications-topic.ts';
import { notifyConnectionStatus } from './notify-connection-status.ts';

describe('connectionStatusNotice', () => {
  it('tells the workspace to reconnect, naming the store and the reason', () => {
    expect(
      connectionStatusNotice(shopifyProvider, 'acme.myshopify.com', 'NEEDS_REAUTH', 'access was revoked.'),
    ).toEqual({
      kind: 'CONNECTION_NEEDS_REAUTH',
      severity: 'ERROR',
      title: 'Reconnect your Shopify store acme.myshopify.com',
      message:
        'Reconnect your Shopify store acme.myshopify.com: access was revoked. ' +
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
  ])('%s is %s at %s and names the TikTok account in title and message', (status, kind, severity) => {
    const notice = connectionStatusNotice(tiktokProvider, '@stylist', status);
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
          provider: shopifyProvider,
          connectionId,
          accountLabel: 'acme.myshopify.com',
          status: 'DEGRADED',
          reason: 'Shopify answers 503',
        },
      );
      expect(stored).toMatchObject({
        workspaceId,
        kind: 'CONNECTION_DEGRADED',
        severity: 'WARNING',
        provider: 'shopify',
        connectionId,
        title: 'Problems reaching your Shopify store acme.myshopify.com',
        data: { status: 'DEGRADED', accountLabel: 'acme.myshopify.com', reason: 'Shopify answers 503' },
      });
      expect(stored.message).toContain(
        'Requests to Shopify for acme.myshopify.com are failing: Shopify answers 503.',
      );
      const [event] = await received.waitFor(1);
      expect(event && notificationFromEvent(event)).toEqual(stored);
    } finally {
      await bus.close();
      await testDb.drop();
    }
  });
});
