import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { type RunningNatsServer, startNatsServer } from '@ionflux/testing/nats';
import {
  connectWs,
  eventually,
  ORDER_PLACED,
  type SubscriptionSystem,
  startSubscriptionSystem,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe.each(['postgres', 'nats'] as const)('on the %s event bus', (busKind) => {
  let database: TestDatabase;
  let nats: RunningNatsServer | undefined;
  let system: SubscriptionSystem;
  beforeAll(async () => {
    database = await createTestDatabase();
    nats = busKind === 'nats' ? await startNatsServer() : undefined;
    // Gateway 0 subscribes through orders instance 0, gateway 1 through instance 1; the instances share
    // events only through the kit's EventBus (Postgres LISTEN/NOTIFY, or NATS JetStream).
    system = await startSubscriptionSystem({
      gateways: 2,
      ordersInstances: 2,
      databaseUrl: database.url,
      ...(nats ? { eventBus: nats.url } : {}),
    });
  });
  afterAll(async () => {
    await system?.stop();
    await nats?.dispose();
    await database?.drop();
  });

  describe('subscriptions across two gateways and two subgraph instances', () => {
    it('delivers one event raised on one instance to subscribers on both gateways', async () => {
      const workspaceId = randomUUID();
      const brandId = randomUUID();
      const [gatewayA, gatewayB] = system.gateways;
      const [instance0, instance1] = system.orders;
      if (!gatewayA || !gatewayB || !instance0 || !instance1) throw new Error('system incomplete');
      const onA = connectWs(gatewayA.url, await system.tokenFor(workspaceId));
      const onB = connectWs(gatewayB.url, await system.tokenFor(workspaceId));
      const sseOnB = subscribeSse(gatewayB.url, await system.tokenFor(workspaceId), ORDER_PLACED, {
        brandId,
      });
      try {
        const a = subscribeWs(onA, ORDER_PLACED, { brandId });
        const b = subscribeWs(onB, ORDER_PLACED, { brandId });
        await eventually(
          () => instance0.subscriptions().active === 1 && instance1.subscriptions().active === 1,
          5000,
          'one upstream subscription on each instance',
        );

        const event = await instance0.publish(workspaceId, brandId, { total: 99 });
        const expected = {
          data: {
            orderPlaced: expect.objectContaining({
              id: event.id,
              total: 99,
              brandName: `Brand of order ${event.id.slice(0, 8)}`,
              catalogWorkspaceId: workspaceId,
            }),
          },
        };
        expect((await a.waitForResults(1))[0]).toEqual(expected);
        expect((await b.waitForResults(1))[0]).toEqual(expected);
        expect((await sseOnB.waitForResults(1))[0]).toEqual(expected);
        // Gateway B's WS and SSE subscribers of the same scope shared one upstream subscription.
        expect(gatewayB.subscriptions.stats()).toMatchObject({ subscribers: 2, upstreamSubscriptions: 1 });
      } finally {
        sseOnB.unsubscribe();
        await Promise.all([onA.dispose(), onB.dispose()]);
      }
      await eventually(
        () => instance0.subscriptions().active === 0 && instance1.subscriptions().active === 0,
        5000,
        'upstream subscriptions closed',
      );
    });

    it.runIf(busKind === 'nats')(
      'carried that event between the instances through the JetStream stream',
      async () => {
        const nc = await connect({ servers: nats?.url ?? '' });
        try {
          const stream = await (await jetstreamManager(nc)).streams.info('IONFLUX_EVENTS');
          expect(stream.state.messages).toBe(1);
        } finally {
          await nc.close();
        }
      },
    );

    it('ends a subscription with PROVIDER_UNAVAILABLE / SUBGRAPH_UNAVAILABLE when its subgraph instance goes away', async () => {
      const workspaceId = randomUUID();
      const [gatewayA] = system.gateways;
      const [instance0] = system.orders;
      if (!gatewayA || !instance0) throw new Error('system incomplete');
      const client = connectWs(gatewayA.url, await system.tokenFor(workspaceId));
      try {
        const subscription = subscribeWs(client, ORDER_PLACED, { brandId: randomUUID() });
        await eventually(() => instance0.subscriptions().active === 1, 5000, 'upstream');
        await instance0.close();
        const [result] = await subscription.waitForResults(1);
        expect(result?.errors?.[0]?.extensions).toEqual({
          code: 'PROVIDER_UNAVAILABLE',
          reason: 'SUBGRAPH_UNAVAILABLE',
        });
        expect(result?.errors?.[0]?.message).toMatch(/orders subgraph/);
        expect(await subscription.ended).toBeUndefined();
      } finally {
        await client.dispose();
      }
    });
  });
});
