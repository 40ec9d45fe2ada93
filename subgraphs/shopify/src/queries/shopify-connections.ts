import { integrationConnections } from '@ionflux/drizzle/kit';
import { shops } from '@ionflux/drizzle/shopify';
import { connectionsNewestFirst, connectionsWhere } from '@ionflux/kit/connections';
import type { Database } from '@ionflux/kit/db';
import { apiHealth } from '@ionflux/kit/health';
import { eq } from 'drizzle-orm';
import type { ShopifyConnection } from '../generated/resolvers-types.ts';
import { shopifyProvider } from '../registration.ts';

export type ShopifyConnectionRecord = Awaited<ReturnType<typeof listShopifyConnections>>[number];

/** Shopify connections of a workspace (optionally one brand's), with the mirrored shop details. */
export async function listShopifyConnections(
  db: Database,
  workspaceId: string,
  filter: { brandId?: string | undefined; connectionId?: string | undefined } = {},
) {
  return db
    .select({ connection: integrationConnections, shop: shops })
    .from(integrationConnections)
    .leftJoin(shops, eq(shops.connectionId, integrationConnections.id))
    .where(
      connectionsWhere(workspaceId, {
        provider: shopifyProvider.id,
        connectionId: filter.connectionId,
        ...(filter.brandId ? ({ ownerType: 'brand', ownerId: filter.brandId } as const) : {}),
      }),
    )
    .orderBy(...connectionsNewestFirst);
}

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
    health: apiHealth(connection),
    healthReason: connection.healthReason,
    lastSyncedAt: connection.lastSyncedAt,
    syncStatus: connection.syncStatus,
    syncErrorCode: connection.syncErrorCode,
    connectedAt: connection.connectedAt,
    createdAt: connection.createdAt,
  };
}
