import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { shopify } from './shopify-schema.ts';

/**
 * The store behind a Shopify connection (spec 2.2 Shop fields), mirrored from the Admin API at each
 * sync and kept current by `shop/update`. One row per connection: the same store connected in two
 * workspaces has two mirrors, each visible to its workspace only.
 */
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
  /** The plan's display name, e.g. `Basic`, `Shopify Plus`. */
  plan: text('plan'),
  /**
   * The version of the mirrored shop: its `updated_at` (or, when a payload carries none, the delivery's
   * `X-Shopify-Triggered-At`). An older version changes nothing.
   */
  sourceUpdatedAt: timestamp('source_updated_at', { withTimezone: true }),
  /** When that version was seen (ties of `source_updated_at` go to the later one). */
  observedAt: timestamp('observed_at', { withTimezone: true }),
  /**
   * The IANA timezone the day rollups of this connection are keyed in; when `iana_timezone` moves away
   * from it, the day rollups are rebuilt in the new one.
   */
  rollupTimezone: text('rollup_timezone'),
  /** When this row was last written. */
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ShopRow = typeof shops.$inferSelect;
