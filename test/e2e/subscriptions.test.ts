import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectWs,
  eventually,
  ORDER_PLACED,
  type SubscriptionSystem,
  startSubscriptionSystem,
  subscribeWs,
} from '../support/subscription-subgraphs/index.ts';

let system: SubscriptionSystem;
beforeAll(async () => {
  system = await startSubscriptionSystem();
});
afterAll(async () => {
  await system?.stop();
});

const gatewayUrl = () => system.gateways[0]?.url ?? '';

describe('subscriptions over graphql-ws through the gateway', () => {
  it('delivers each event of the owning subgraph with fields another subgraph resolves for it', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const client = connectWs(gatewayUrl(), await system.tokenFor(workspaceId));
    try {
      const subscription = subscribeWs(client, ORDER_PLACED, { brandId });
      await eventually(() => system.orders[0]?.subscriptions().active === 1, 5000, 'the upstream subscription');
      const first = await system.orders[0]?.publish(workspaceId, brandId, { total: 10 });
      const second = await system.orders[0]?.publish(workspaceId, brandId, { total: 20 });
      const results = await subscription.waitForResults(2);
      expect(results).toEqual([
        {
          data: {
            orderPlaced: {
              id: first?.id,
              total: 10,
              workspaceId,
              publishedAt: first?.publishedAt,
              brandName: `Brand of order ${first?.id.slice(0, 8)}`,
              catalogWorkspaceId: workspaceId,
            },
          },
        },
        {
          data: {
            orderPlaced: expect.objectContaining({ id: second?.id, total: 20, catalogWorkspaceId: workspaceId }),
          },
        },
      ]);
      expect(system.catalog.resolvedEntities()).toBeGreaterThanOrEqual(2);
      subscription.unsubscribe();
      await eventually(() => system.orders[0]?.subscriptions().active === 0, 5000, 'the upstream to close');
    } finally {
      await client.dispose();
    }
  });
});
