import { apiHealth } from '@ionflux/kit/health';
import type { TikTokConnection } from '../generated/resolvers-types.ts';
import type { TikTokConnectionRecord } from './list-tiktok-connections.ts';

/** The GraphQL `TikTokConnection` of a stored connection and its account mirror. */
export function toTikTokConnection({ connection, account }: TikTokConnectionRecord): TikTokConnection {
  return {
    id: connection.id,
    ownerType: connection.ownerType === 'brand' ? 'BRAND' : 'CREATOR',
    ownerId: connection.ownerId,
    openId: connection.accountId,
    username: account?.username ?? null,
    displayName: account?.displayName ?? connection.displayName,
    avatarUrl: account?.avatarUrl ?? null,
    followerCount: account?.followerCount ?? null,
    status: connection.status,
    scopes: connection.scopes,
    health: apiHealth(connection),
    healthReason: connection.healthReason,
    lastSyncedAt: connection.lastSyncedAt,
    connectedAt: connection.connectedAt,
    createdAt: connection.createdAt,
  };
}
