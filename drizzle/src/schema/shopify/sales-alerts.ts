import { integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { decimal, shopify } from './shopify-schema.ts';

/**
 * Sales Sentinel settings of a brand: a new order at or above `high_value_order_threshold` (in each
 * store's own currency) raises HIGH_VALUE_ORDER.
 */
export const brandSalesAlerts = shopify.table(
  'brand_sales_alerts',
  {
    workspaceId: uuid('workspace_id').notNull(),
    brandId: uuid('brand_id').notNull(),
    highValueOrderThreshold: decimal('high_value_order_threshold'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'brand_sales_alerts_pk', columns: [t.workspaceId, t.brandId] })],
);

/**
 * Key products of a store: a variant whose stock falls below `threshold` raises LOW_INVENTORY (once per
 * crossing).
 */
export const inventoryThresholds = shopify.table(
  'inventory_thresholds',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    productId: text('product_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    threshold: integer('threshold').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'inventory_thresholds_pk', columns: [t.connectionId, t.productId] })],
);
