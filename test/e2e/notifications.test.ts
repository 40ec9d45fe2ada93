import { randomUUID } from 'node:crypto';
import { connectDatabase, type DatabaseHandle } from '@ionflux/kit/db';
import { createPostgresEventBus, type EventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';
import { notify, notifyConnectionStatus } from '@ionflux/kit/notifications';
import { shopifyProvider } from '@ionflux/shopify/registration';
import { postGraphQL } from '@ionflux/testing/http';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';
import { tiktokProvider } from '@ionflux/tiktok/registration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: SystemUnderTest;
let database: DatabaseHandle;
let bus: EventBus;
beforeAll(async () => {
  system = await startSystem();
  database = connectDatabase(system.databaseUrl, { maxConnections: 2 });
  bus = await createPostgresEventBus({
    sql: database.sql,
    logger: createLogger({ service: 'notifications-e2e', level: 'silent' }),
  });
});
afterAll(async () => {
  await bus?.close();
  await database?.close();
  await system?.stop();
});

const LIST = /* GraphQL */ `
  query Notifications($unreadOnly: Boolean, $first: Int) {
    workspaceNotifications(unreadOnly: $unreadOnly, first: $first) {
      id kind severity title message provider connectionId createdAt readAt
    }
  }
`;
const MARK_READ = /* GraphQL */ `
  mutation MarkRead($ids: [ID!]!) { markWorkspaceNotificationsRead(ids: $ids) }
`;

interface NotificationFields {
  id: string;
  kind: string;
  severity: string;
  title: string;
  message: string;
  provider: string | null;
  connectionId: string | null;
  createdAt: string;
  readAt: string | null;
}

describe('workspace notifications through the gateway', () => {
  const connectionId = randomUUID();
  let reauthId: string;
  let welcomeId: string;
  let theirsId: string;
  beforeAll(async () => {
    const deps = { sql: database.sql, bus };
    welcomeId = (
      await notify(deps, {
        workspaceId: system.workspaceId,
        kind: 'WORKSPACE_READY',
        severity: 'INFO',
        title: 'Welcome',
        message: 'Connect a store to start.',
      })
    ).id;
    reauthId = (
      await notifyConnectionStatus(deps, {
        workspaceId: system.workspaceId,
        provider: shopifyProvider,
        connectionId,
        accountLabel: 'acme.myshopify.com',
        status: 'NEEDS_REAUTH',
        reason: 'access was revoked',
      })
    ).id;
    theirsId = (
      await notifyConnectionStatus(deps, {
        workspaceId: randomUUID(),
        provider: tiktokProvider,
        connectionId: randomUUID(),
        accountLabel: '@someone-else',
        status: 'CONNECTED',
      })
    ).id;
  });

  it('lists the caller’s workspace notifications, newest first, and none of another workspace', async () => {
    const { status, body } = await postGraphQL<{ workspaceNotifications: NotificationFields[] }>(
      system.gatewayUrl,
      LIST,
      { token: system.token },
    );
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data?.workspaceNotifications).toEqual([
      {
        id: reauthId,
        kind: 'CONNECTION_NEEDS_REAUTH',
        severity: 'ERROR',
        title: 'Reconnect your Shopify store acme.myshopify.com',
        message: expect.stringMatching(
          /^Reconnect your Shopify store acme\.myshopify\.com: access was revoked\./,
        ),
        provider: 'SHOPIFY',
        connectionId,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        readAt: null,
      },
      expect.objectContaining({ id: welcomeId, kind: 'WORKSPACE_READY', provider: null, connectionId: null }),
    ]);
    expect(JSON.stringify(body)).not.toContain('someone-else');
  });

  it('shows another workspace only its own', async () => {
    const { body } = await postGraphQL<{ workspaceNotifications: NotificationFields[] }>(
      system.gatewayUrl,
      LIST,
      { token: await system.tokenFor(randomUUID()) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.workspaceNotifications).toEqual([]);
  });

  it('marks only the caller’s own notifications read, then lists the unread', async () => {
    const marked = await postGraphQL<{ markWorkspaceNotificationsRead: number }>(
      system.gatewayUrl,
      MARK_READ,
      {
        token: system.token,
        variables: { ids: [welcomeId, theirsId] },
      },
    );
    expect(marked.body.errors).toBeUndefined();
    expect(marked.body.data?.markWorkspaceNotificationsRead).toBe(1);

    const unread = await postGraphQL<{ workspaceNotifications: NotificationFields[] }>(
      system.gatewayUrl,
      LIST,
      {
        token: system.token,
        variables: { unreadOnly: true },
      },
    );
    expect(unread.body.data?.workspaceNotifications.map((n) => n.id)).toEqual([reauthId]);

    const [theirs] =
      await database.sql`select read_at from kit.workspace_notifications where id = ${theirsId}`;
    expect(theirs?.['read_at']).toBeNull();
  });

  it('refuses a page size out of range with INVALID_REQUEST', async () => {
    const { body } = await postGraphQL(system.gatewayUrl, LIST, {
      token: system.token,
      variables: { first: 1000 },
    });
    expect(body.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 200.',
      extensions: { code: 'INVALID_REQUEST' },
    });
  });

  it('answers only an authenticated caller', async () => {
    const { status, body } = await postGraphQL(system.gatewayUrl, LIST);
    expect(body.data?.['workspaceNotifications']).toBeUndefined();
    expect(status).toBe(401);
  });
});
