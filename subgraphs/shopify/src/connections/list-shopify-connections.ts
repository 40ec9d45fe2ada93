import { integrationConnections } from '@ionflux/drizzle/kit';
import { shops } from '@ionflux/drizzle/shopify';
import type { Database } from '@ionflux/kit/db';
import { and, desc, eq, type SQL } from 'drizzle-orm';

export type ShopifyConnectionRecord = Awaited<ReturnType<typeof listShopifyConnections>>[number];

/** Shopify connections of a workspace (optionally one brand's), with the mirrored shop details. */
export async function listShopifyConnections(
  db: Database,
  workspaceId: string,
  filter: { brandId?: string | undefined; connectionId?: string | undefined } = {},
) {
  const conditions: SQL[] = [
    eq(integrationConnections.workspaceId, workspaceId),
    eq(integrationConnections.provider, 'shopify'),
  ];
  if (filter.brandId) {
    conditions.push(
      eq(integrationConnections.ownerType, 'brand'),
      eq(integrationConnections.ownerId, filter.brandId),
    );
  }
  if (filter.connectionId) conditions.push(eq(integrationConnections.id, filter.connectionId));
  return db
    .select({ connection: integrationConnections, shop: shops })
    .from(integrationConnections)
    .leftJoin(shops, eq(shops.connectionId, integrationConnections.id))
    .where(and(...conditions))
    .orderBy(desc(integrationConnections.createdAt), desc(integrationConnections.id));
}
