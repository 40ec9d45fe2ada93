import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { type RunningNatsServer, startNatsServer } from '@ionflux/testing/nats';
import {
  connectWs,
  eventually,
  ORDER_PLACED,
  type OrderEvent,
  type SubscriptionSystem,
  startSubscriptionSystem,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let database: TestDatabase;
let nats: RunningNatsServer;
let system: SubscriptionSystem;
beforeAll(async () => {
  [database, nats] = await Promise.all([createTestDatabase(), startNatsServer()]);
  system = await startSubscriptionSystem({
    gateways: 2,
    ordersInstances: 2,
    databaseUrl: database.url,
    eventBus: nats.url,
  });
});
afterAll(async () => {
  await system?.stop();
  await nats?.dispose();
  await database?.drop();
});

describe('subscriptions across two gateways on the NATS event bus while nats-server restarts', () => {
  it('delivers every event raised before, during and after the restart to every subscriber once, in order', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const [gatewayA, gatewayB] = system.gateways;
    const [instance0, instance1] = system.orders;
    if (!gatewayA || !gatewayB || !instance0 || !instance1) throw new Error('system incomplete');
    const onA = connectWs(gatewayA.url, await system.tokenFor(workspaceId));
    const onB = connectWs(gatewayB.url, await system.tokenFor(workspaceId));
    const sseOnB = subscribeSse(gatewayB.url, await system.tokenFor(workspaceId), ORDER_PLACED, { brandId });
    try {
      const subscribers = [
        subscribeWs(onA, ORDER_PLACED, { brandId }),
        subscribeWs(onB, ORDER_PLACED, { brandId }),
        sseOnB,
      ];
      await eventually(
        () => instance0.subscriptions().active === 1 && instance1.subscriptions().active === 1,
        5000,
        'one upstream subscription on each instance',
      );
      const published: OrderEvent[] = [];
      // Both instances raise events, one after the other: each is committed before the next.
      const raise = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const instance = published.length % 2 === 0 ? instance0 : instance1;
          published.push(await instance.publish(workspaceId, brandId, { total: published.length }));
        }
      };

      await raise(5);
      for (const subscriber of subscribers) await subscriber.waitForResults(5);
      await nats.stop('SIGKILL');
      await raise(5);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await nats.start();
      const restartedAt = Date.now();
      await raise(5);
      for (const subscriber of subscribers) await subscriber.waitForResults(15, 30_000);
      const recoveredAfter = Date.now() - restartedAt;
      await new Promise((resolve) => setTimeout(resolve, 300));

      for (const subscriber of subscribers) {
        const received = subscriber.results.map((result) => {
          const order = result.data?.['orderPlaced'] as { id: string; total: number } | undefined;
          return { id: order?.id, total: order?.total };
        });
        expect(received).toEqual(published.map((event) => ({ id: event.id, total: event.total })));
      }
      console.info(
        `NATS restart through the gateways: 15 events (5 while nats-server was down), 3 subscribers on 2 ` +
          `gateways received all 45 deliveries in order, the last ${recoveredAfter} ms after the server was back`,
      );
    } finally {
      sseOnB.unsubscribe();
      await Promise.all([onA.dispose(), onB.dispose()]);
    }
  }, 60_000);
});
