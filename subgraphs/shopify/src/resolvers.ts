import { resolveIntegrationConnections } from '@ionflux/kit/connections';
import { IntegrationError } from '@ionflux/kit/errors';
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
  loadMirroredOrder,
  loadMirroredProduct,
  resolveLineItemProduct,
  resolveShopifyCustomers,
  resolveShopifyOrder,
  resolveShopifyOrders,
  resolveShopifyProducts,
  resolveShopifyShop,
  toShopifyConnection,
} from './queries/index.ts';
import { resolveRevenueSummary, revenueSummaryResolvers } from './revenue/index.ts';
import {
  DecimalScalar,
  resolveShopifyInventoryThresholds,
  resolveShopifySalesAlerts,
  setShopifyHighValueOrderThreshold,
  setShopifyLowInventoryThreshold,
  subscribeSalesEvents,
} from './sales-events/index.ts';
import { syncShopifyConnection } from './sync/index.ts';
import { listWebhookDeliveries, replayShopifyWebhookDelivery } from './webhook-deliveries/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
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
    revenueSummary: resolveRevenueSummary,
    shopifySalesAlerts: resolveShopifySalesAlerts,
    shopifyInventoryThresholds: resolveShopifyInventoryThresholds,
    shopifyWebhookDeliveries: (_parent, args, context) => listWebhookDeliveries(context, args),
  },
  Mutation: {
    markWorkspaceNotificationsRead: (_parent, args, { db, identity }) =>
      resolveMarkNotificationsRead(db, identity.workspaceId, args),
    startShopifyConnection,
    disconnectShopifyConnection,
    syncShopifyConnection,
    createShopifyDiscountCode,
    setShopifyHighValueOrderThreshold,
    setShopifyLowInventoryThreshold,
    replayShopifyWebhookDelivery,
  },
  Subscription: {
    workspaceNotifications: {
      subscribe: (_parent, _args, { bus, identity }) =>
        subscribeWorkspaceNotifications<IntegrationProvider>(bus, identity.workspaceId),
    },
    shopifySalesEvents: {
      subscribe: (_parent, { brandId, minOrderValue }, { bus, identity }) => {
        if (!UUID.test(brandId)) throw new IntegrationError('INVALID_REQUEST', 'brandId must be a UUID.');
        return subscribeSalesEvents(bus, identity.workspaceId, brandId, minOrderValue ?? null);
      },
    },
  },
  ShopifyConnection: {
    // Another subgraph may hand us a connection id; answer only within the caller's workspace.
    __resolveReference: async (reference, { db, identity }) => {
      const [record] = await listShopifyConnections(db, identity.workspaceId, { connectionId: reference.id });
      return record ? toShopifyConnection(record) : null;
    },
  },
  // Entities resolved by id from the caller's workspace's mirror (a Sales Sentinel event carries them whole).
  ShopifyOrder: {
    __resolveReference: (reference, { sql, identity }) =>
      loadMirroredOrder(sql, identity.workspaceId, reference.id),
  },
  ShopifyProduct: {
    __resolveReference: (reference, { sql, identity }) =>
      loadMirroredProduct(sql, identity.workspaceId, reference.id),
  },
  ShopifyLineItem: {
    product: resolveLineItemProduct,
  },
  RevenueSummary: revenueSummaryResolvers,
};
