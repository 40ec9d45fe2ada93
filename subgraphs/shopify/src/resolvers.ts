import { resolveIntegrationConnections } from '@ionflux/kit/connections';
import {
  resolveMarkNotificationsRead,
  resolveWorkspaceNotifications,
  subscribeWorkspaceNotifications,
} from '@ionflux/kit/notifications';
import { DateTimeScalar } from '@ionflux/kit/scalars';
import type { IntegrationProvider, Resolvers } from './generated/resolvers-types.ts';
import { disconnectShopifyConnection, startShopifyConnection } from './oauth/index.ts';
import {
  createShopifyDiscountCode,
  listShopifyConnections,
  resolveLineItemProduct,
  resolveShopifyCustomers,
  resolveShopifyOrder,
  resolveShopifyOrders,
  resolveShopifyProducts,
  resolveShopifyShop,
  toShopifyConnection,
} from './queries/index.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    shopifyConnections: async (_parent, { brandId }, { db, identity }) => {
      const records = await listShopifyConnections(db, identity.workspaceId, {
        brandId: brandId ?? undefined,
      });
      return records.map(toShopifyConnection);
    },
    integrationConnections: (_parent, args, { db, identity }) =>
      resolveIntegrationConnections<IntegrationProvider>(db, identity.workspaceId, args),
    workspaceNotifications: (_parent, args, { db, identity }) =>
      resolveWorkspaceNotifications<IntegrationProvider>(db, identity.workspaceId, args),
    shopifyShop: resolveShopifyShop,
    shopifyProducts: resolveShopifyProducts,
    shopifyOrders: resolveShopifyOrders,
    shopifyOrder: resolveShopifyOrder,
    shopifyCustomers: resolveShopifyCustomers,
  },
  Mutation: {
    markWorkspaceNotificationsRead: (_parent, args, { db, identity }) =>
      resolveMarkNotificationsRead(db, identity.workspaceId, args),
    startShopifyConnection,
    disconnectShopifyConnection,
    createShopifyDiscountCode,
  },
  Subscription: {
    workspaceNotifications: {
      subscribe: (_parent, _args, { bus, identity }) =>
        subscribeWorkspaceNotifications<IntegrationProvider>(bus, identity.workspaceId),
    },
  },
  ShopifyConnection: {
    // Another subgraph may hand us a connection id; answer only within the caller's workspace.
    __resolveReference: async (reference, { db, identity }) => {
      const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId: reference.id });
      return record ? toShopifyConnection(record) : null;
    },
  },
  ShopifyLineItem: {
    product: resolveLineItemProduct,
  },
};
