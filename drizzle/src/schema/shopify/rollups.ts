import { bigint, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { decimal, shopify } from './shopify-schema.ts';

/**
 * `day`: one local day of the shop's timezone (`bucket_start` is its midnight as an instant); `hour`: one
 * UTC hour. A revenue summary adds whole days, then whole hours of the partial days at its edges, then
 * the orders of the partial hours left, so any `[from, to)` is exact and touches few rows.
 */
export const rollupGrain = shopify.enum('rollup_grain', ['day', 'hour']);

/**
 * Revenue per connection and bucket of order creation time, maintained as orders are applied (the
 * difference between an order's old and new contribution). Counted orders are neither test nor
 * cancelled; an edit or refund of an old order moves the bucket it was created in.
 */
export const orderRollups = shopify.table(
  'order_rollups',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    grain: rollupGrain('grain').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    orderCount: integer('order_count').notNull(),
    /** Σ `current_total_price` (after refunds and edits). */
    totalSales: decimal('total_sales').notNull(),
    /** Σ `total_price`. */
    grossSales: decimal('gross_sales').notNull(),
    /** Σ `total_refunded`. */
    refunds: decimal('refunds').notNull(),
  },
  (t) => [primaryKey({ name: 'order_rollups_pk', columns: [t.connectionId, t.grain, t.bucketStart] })],
);

/** Units and sales (Σ line price × quantity − line discount) per product, same buckets and rule. */
export const productRollups = shopify.table(
  'product_rollups',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    grain: rollupGrain('grain').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    productId: text('product_id').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    sales: decimal('sales').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'product_rollups_pk',
      columns: [t.connectionId, t.grain, t.bucketStart, t.productId],
    }),
  ],
);
