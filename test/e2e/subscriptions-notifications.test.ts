import { randomUUID } from 'node:crypto';
import { connectDatabase, type DatabaseHandle } from '@ionflux/kit/db';
import { createEventBus, type EventBus } from '@ionflux/kit/events';
import { createLogger } from '@ionflux/kit/logging';
import { notifyConnectionStatus } from '@ionflux/kit/notifications';
import { shopifyProvider } from '@ionflux/shopify/registration';
import { type RunningNatsServer, startNatsServer } from '@ionflux/testing/nats';
import { connectWs, eventually, subscribeSse, subscribeWs } from '@ionflux/testing/subscriptions';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe.each(['postgres', 'nats'] as const)('on the %s event bus', (busKind) => {
  let system: SystemUnderTest;
  let nats: RunningNatsServer | undefined;
  let database: DatabaseHandle;
  let bus: EventBus;
  const clients: Client[] = [];
  beforeAll(async () => {
    nats = busKind === 'nats' ? await startNatsServer() : undefined;
    // The subgraphs choose their bus from IONFLUX_EVENT_BUS, as in production.
    const env: Record<string, string> = nats ? { IONFLUX_EVENT_BUS: nats.url } : {};
    system = await startSystem(env);
    database = connectDatabase(system.databaseUrl, { maxConnections: 2 });
    // Another process's view: notifications raised here reach the subgraph only through the bus.
    bus = await createEventBus({
      url: env['IONFLUX_EVENT_BUS'],
      sql: database.sql,
      logger: createLogger({ service: 'notifications-subscription-e2e', level: 'silent' }),
    });
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await bus?.close();
    await database?.close();
    await system?.stop();
    await nats?.dispose();
  });

  it.runIf(busKind === 'nats')('runs the subgraphs’ buses on the NATS IONFLUX_EVENT_BUS names', () => {
    const started = system
      .logs()
      .split('\n')
      .filter((line) => line.includes('event bus on NATS JetStream'))
      .map((line) => (JSON.parse(line) as { service: string }).service);
    // The LLM subgraph runs no bus.
    expect(started.sort()).toEqual(['shopify', 'tiktok']);
  });

  const SUBSCRIBE = /* GraphQL */ `
  subscription { workspaceNotifications { kind severity title provider connectionId } }
`;

  describe('subscription workspaceNotifications through the gateway', () => {
    it('delivers the workspace’s notifications as they are raised, over graphql-ws and SSE, and no other workspace’s', async () => {
      const client = connectWs(system.gatewayUrl, system.token);
      clients.push(client);
      const ws = subscribeWs(client, SUBSCRIBE);
      const sse = subscribeSse(system.gatewayUrl, system.token, SUBSCRIBE);
      // The upstream subscription is open once the Shopify subgraph holds a graphql-ws connection.
      await eventually(
        () => system.gateway.subscriptions.stats().upstreamSubscriptions >= 1,
        10_000,
        'upstream',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));

      const connectionId = randomUUID();
      const deps = { sql: database.sql, bus };
      await notifyConnectionStatus(deps, {
        workspaceId: randomUUID(),
        provider: shopifyProvider,
        connectionId,
        accountLabel: 'someone-else.myshopify.com',
        status: 'NEEDS_REAUTH',
      });
      await notifyConnectionStatus(deps, {
        workspaceId: system.workspaceId,
        provider: shopifyProvider,
        connectionId,
        accountLabel: 'acme.myshopify.com',
        status: 'NEEDS_REAUTH',
        reason: 'access was revoked',
      });

      for (const subscription of [ws, sse]) {
        const [first] = await subscription.waitForResults(1, 10_000);
        expect(first?.data).toEqual({
          workspaceNotifications: {
            kind: 'CONNECTION_NEEDS_REAUTH',
            severity: expect.any(String),
            title: expect.stringContaining('acme.myshopify.com'),
            provider: 'SHOPIFY',
            connectionId,
          },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ws.results).toHaveLength(1);
      ws.unsubscribe();
      sse.unsubscribe();
    });
  });
});
