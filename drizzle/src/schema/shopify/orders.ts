import { boolean, index, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { decimal, shopify } from './shopify-schema.ts';

/** One line of a mirrored order (no customer data). Amounts are decimal strings in the shop currency. */
export interface MirroredLineItem {
  id: string;
  productId: string | null;
  variantId: string | null;
  title: string;
  sku: string | null;
  quantity: number;
  /** Unit price before discounts. */
  price: string;
  /** Discount on the whole line. */
  totalDiscount: string;
}

/**
 * Orders of a connected store (spec 2.2 Revenue Tracker fields), without customer PII. Money columns are
 * the shop currency (`shopMoney`), exact decimals; `presentment_*` are the buyer's currency. A row is
 * replaced only by a newer version: (`updated_at`, `observed_at`) compared as a pair. Shopify's
 * `updated_at` has whole seconds, so two changes within one second tie on it; the later observation
 * (a webhook's `X-Shopify-Triggered-At`, the time an Admin read was sent) then wins.
 */
export const orders = shopify.table(
  'orders',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    /** Shopify's global id, e.g. `gid://shopify/Order/5600000000000`. */
    orderId: text('order_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * When this version was seen at Shopify: a webhook's `X-Shopify-Triggered-At`, or when the Admin read
     * that returned it was started (a bulk operation's creation).
     */
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    test: boolean('test').notNull(),
    /** Upper case as the Admin API names it: PAID, PARTIALLY_REFUNDED, PENDING… */
    financialStatus: text('financial_status'),
    /** Upper case: FULFILLED, UNFULFILLED, PARTIALLY_FULFILLED… */
    fulfillmentStatus: text('fulfillment_status').notNull(),
    currency: text('currency').notNull(),
    presentmentCurrency: text('presentment_currency'),
    totalPrice: decimal('total_price').notNull(),
    currentTotalPrice: decimal('current_total_price').notNull(),
    totalRefunded: decimal('total_refunded').notNull(),
    /** The refunds' shop-money total had to be derived from another currency (fixed by an Admin read). */
    refundsEstimated: boolean('refunds_estimated').notNull().default(false),
    subtotalPrice: decimal('subtotal_price'),
    totalTax: decimal('total_tax'),
    totalDiscounts: decimal('total_discounts'),
    totalShipping: decimal('total_shipping'),
    presentmentTotalPrice: decimal('presentment_total_price'),
    presentmentCurrentTotalPrice: decimal('presentment_current_total_price'),
    presentmentTotalRefunded: decimal('presentment_total_refunded'),
    /** Global ids of the order's refunds: a new one is one ORDER_REFUNDED event. */
    refundIds: text('refund_ids').array().notNull(),
    lineItems: jsonb('line_items').$type<MirroredLineItem[]>().notNull(),
    mirroredAt: timestamp('mirrored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'orders_pk', columns: [t.connectionId, t.orderId] }),
    index('orders_created_idx').on(t.connectionId, t.createdAt),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
