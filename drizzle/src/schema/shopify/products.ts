import { index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from '../kit/connections.ts';
import { decimal, shopify } from './shopify-schema.ts';

/** Products of a connected store (spec 2.2 Products); replaced only by a newer (`updated_at`, `observed_at`). */
export const products = shopify.table(
  'products',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    /** Shopify's global id, e.g. `gid://shopify/Product/1`. */
    productId: text('product_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    title: text('title').notNull(),
    handle: text('handle'),
    /** Plain text (the Admin API's `description`; a webhook's `body_html` with the markup removed). */
    description: text('description'),
    /** ACTIVE, ARCHIVED, DRAFT. */
    status: text('status').notNull(),
    vendor: text('vendor'),
    productType: text('product_type'),
    tags: text('tags').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When this version was seen at Shopify (see `orders.observed_at`). */
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
    mirroredAt: timestamp('mirrored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'products_pk', columns: [t.connectionId, t.productId] })],
);

/** Variants of mirrored products: price, SKU and stock, written with their product. */
export const productVariants = shopify.table(
  'product_variants',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    variantId: text('variant_id').notNull(),
    productId: text('product_id').notNull(),
    title: text('title').notNull(),
    sku: text('sku'),
    price: decimal('price').notNull(),
    /** Null when Shopify does not track the variant's stock. */
    inventoryQuantity: integer('inventory_quantity'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ name: 'product_variants_pk', columns: [t.connectionId, t.variantId] }),
    index('product_variants_product_idx').on(t.connectionId, t.productId),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductVariantRow = typeof productVariants.$inferSelect;
