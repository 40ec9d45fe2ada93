import { integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from './kit/connections.ts';

/** Tables of the TikTok subgraph. */
export const tiktok = pgSchema('tiktok');

/** The TikTok account behind a connection, as last read from `/v2/user/info/` (spec 3.2 fields). */
export const accounts = tiktok.table('accounts', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => integrationConnections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  openId: text('open_id').notNull(),
  username: text('username'),
  displayName: text('display_name'),
  avatarUrl: text('avatar_url'),
  followerCount: integer('follower_count'),
  followingCount: integer('following_count'),
  likesCount: integer('likes_count'),
  videoCount: integer('video_count'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AccountRow = typeof accounts.$inferSelect;
