import type { ShopifyConnection } from '../generated/resolvers-types.ts';
import type { ShopifyConnectionRecord } from './list-shopify-connections.ts';

/** The GraphQL `ShopifyConnection` of a stored connection and its shop mirror. */
export function toShopifyConnection({ connection, shop }: ShopifyConnectionRecord): ShopifyConnection {
  return {
    id: connection.id,
    brandId: connection.ownerId,
    shop: connection.accountId,
    shopName: shop?.name ?? connection.displayName,
    currency: shop?.currency ?? null,
    ianaTimezone: shop?.ianaTimezone ?? null,
    status: connection.status,
    scopes: connection.scopes,
    health: connection.health,
    healthReason: connection.healthReason,
    lastSyncedAt: connection.lastSyncedAt,
    connectedAt: connection.connectedAt,
    createdAt: connection.createdAt,
  };
}
