import { randomUUID } from 'node:crypto';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { EventFanout } from './event-fanout.ts';
import {
  type RunningTestSubgraph,
  startTestSubgraph,
  type TestSubgraphContext,
} from './start-test-subgraph.ts';

export const ORDERS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Order @key(fields: "id") {
    id: ID!
    brandId: ID!
    total: Float!
    "The workspace the subgraph saw in the forwarded identity."
    workspaceId: ID!
    "Filler to make events large (slow-consumer tests)."
    padding: String
    "When the event was published (epoch ms), for latency measurements."
    publishedAt: Float!
  }

  type Query {
    ordersReady: Boolean!
  }

  type Subscription {
    orderPlaced(brandId: ID!): Order!
  }
`;

export interface OrderEvent {
  id: string;
  brandId: string;
  total: number;
  workspaceId: string;
  padding?: string;
  publishedAt: number;
}

export interface RunningOrdersSubgraph extends RunningTestSubgraph {
  /** Raises an order event for a workspace's brand; every instance sharing the fan-out delivers it. */
  publish(
    workspaceId: string,
    brandId: string,
    fields?: { total?: number; padding?: string },
  ): Promise<OrderEvent>;
  /** Subscriptions to `orderPlaced` open on this instance now, and ever. */
  subscriptions(): { active: number; total: number };
}

const topicOf = (workspaceId: string, brandId: string) => `orders:${workspaceId}:${brandId}`;

/** Owns `Subscription.orderPlaced`: events of the caller's workspace only, from the fan-out. */
export async function startOrdersSubgraph(
  identityPublicKey: string,
  fanout: EventFanout,
): Promise<RunningOrdersSubgraph> {
  const counts = { active: 0, total: 0 };
  const resolvers = {
    Query: { ordersReady: () => true },
    Subscription: {
      orderPlaced: {
        subscribe: (_: unknown, { brandId }: { brandId: string }, context: TestSubgraphContext) => {
          counts.active++;
          counts.total++;
          return fanout.listen(topicOf(context.identity.workspaceId, brandId), () => {
            counts.active--;
          });
        },
        resolve: (event: unknown) => event,
      },
    },
  } as unknown as GraphQLResolverMap<TestSubgraphContext>;
  const server = await startTestSubgraph('orders', ORDERS_SDL, resolvers, identityPublicKey, {
    onClose: () => fanout.close(),
  });
  return {
    ...server,
    async publish(workspaceId, brandId, fields = {}) {
      const event: OrderEvent = {
        id: randomUUID(),
        brandId,
        total: fields.total ?? 42,
        workspaceId,
        ...(fields.padding ? { padding: fields.padding } : {}),
        publishedAt: Date.now(),
      };
      await fanout.publish(topicOf(workspaceId, brandId), event);
      return event;
    },
    subscriptions: () => ({ ...counts }),
  };
}
