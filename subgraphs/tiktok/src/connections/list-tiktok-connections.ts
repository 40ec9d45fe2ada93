import { integrationConnections } from '@ionflux/drizzle/kit';
import { accounts } from '@ionflux/drizzle/tiktok';
import type { Database } from '@ionflux/kit/db';
import { and, desc, eq, type SQL } from 'drizzle-orm';

export type TikTokConnectionRecord = Awaited<ReturnType<typeof listTikTokConnections>>[number];

export interface TikTokConnectionFilter {
  brandId?: string | undefined;
  creatorId?: string | undefined;
  connectionId?: string | undefined;
}

/** TikTok connections of a workspace (optionally one brand's or creator's), with the account mirror. */
export async function listTikTokConnections(
  db: Database,
  workspaceId: string,
  filter: TikTokConnectionFilter = {},
) {
  const conditions: SQL[] = [
    eq(integrationConnections.workspaceId, workspaceId),
    eq(integrationConnections.provider, 'tiktok'),
  ];
  if (filter.brandId) {
    conditions.push(
      eq(integrationConnections.ownerType, 'brand'),
      eq(integrationConnections.ownerId, filter.brandId),
    );
  }
  if (filter.creatorId) {
    conditions.push(
      eq(integrationConnections.ownerType, 'creator'),
      eq(integrationConnections.ownerId, filter.creatorId),
    );
  }
  if (filter.connectionId) conditions.push(eq(integrationConnections.id, filter.connectionId));
  return db
    .select({ connection: integrationConnections, account: accounts })
    .from(integrationConnections)
    .leftJoin(accounts, eq(accounts.connectionId, integrationConnections.id))
    .where(and(...conditions))
    .orderBy(desc(integrationConnections.createdAt), desc(integrationConnections.id));
}
