import { integrationConnections } from '@ionflux/drizzle/kit';
import { accounts } from '@ionflux/drizzle/tiktok';
import { connectionsNewestFirst, connectionsWhere } from '@ionflux/kit/connections';
import type { Database } from '@ionflux/kit/db';
import { eq } from 'drizzle-orm';
import { tiktokProvider } from '../registration.ts';

export type TikTokConnectionRecord = Awaited<ReturnType<typeof listTikTokConnections>>[number];

export interface TikTokConnectionFilter {
  brandId?: string | undefined;
  creatorId?: string | undefined;
  connectionId?: string | undefined;
}

/** TikTok connections of a workspace (optionally one brand's or one creator's), with the account mirror. */
export async function listTikTokConnections(
  db: Database,
  workspaceId: string,
  filter: TikTokConnectionFilter = {},
) {
  // One owner at most: the resolver refuses a brand and a creator together.
  const owner = filter.brandId
    ? ({ ownerType: 'brand', ownerId: filter.brandId } as const)
    : filter.creatorId
      ? ({ ownerType: 'creator', ownerId: filter.creatorId } as const)
      : {};
  return db
    .select({ connection: integrationConnections, account: accounts })
    .from(integrationConnections)
    .leftJoin(accounts, eq(accounts.connectionId, integrationConnections.id))
    .where(
      connectionsWhere(workspaceId, {
        provider: tiktokProvider.id,
        connectionId: filter.connectionId,
        ...owner,
      }),
    )
    .orderBy(...connectionsNewestFirst);
}
