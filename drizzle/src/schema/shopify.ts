import { pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from './kit/connections.ts';

/** Tables of the Shopify subgraph: the mirror of each connected store. */
export const shopify = pgSchema('shopify');

/** The store behind a Shopify connection, as last read from the Admin API (spec 2.2 Shop fields). */
export const shops = shopify.table('shops', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => integrationConnections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  shopDomain: text('shop_domain').notNull(),
  shopGid: text('shop_gid'),
  name: text('name'),
  currency: text('currency'),
  ianaTimezone: text('iana_timezone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ShopRow = typeof shops.$inferSelect;
