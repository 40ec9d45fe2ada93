import type { MirroredLineItem } from '@ionflux/drizzle/shopify';
import { readTimestamp, type Sql, type StoredTimestamp } from '@ionflux/kit/db';
import {
  type IonfluxOrder,
  type IonfluxProduct,
  ionfluxOrderFromMirror,
  ionfluxProductFromMirror,
} from '../mapping/index.ts';

interface ProductRow {
  connectionId: string;
  productId: string;
  title: string;
  handle: string | null;
  description: string | null;
  status: string;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  createdAt: StoredTimestamp | null;
  updatedAt: StoredTimestamp;
  currency: string | null;
}

/**
 * A product from the mirror of a connection of `workspaceId` (the given one, else the most recently
 * mirrored one holding that id), with its variants; null when none holds it.
 */
export async function loadMirroredProduct(
  sql: Sql,
  workspaceId: string,
  productId: string,
  connectionId?: string,
): Promise<IonfluxProduct | null> {
  const [row] = await sql<ProductRow[]>`
    select p.connection_id as "connectionId", p.product_id as "productId", p.title, p.handle, p.description,
      p.status, p.vendor, p.product_type as "productType", p.tags, p.created_at as "createdAt",
      p.updated_at as "updatedAt", s.currency
    from shopify.products as p
    left join shopify.shops as s on s.connection_id = p.connection_id
    where p.workspace_id = ${workspaceId} and p.product_id = ${productId}
      and (${connectionId ?? null}::uuid is null or p.connection_id = ${connectionId ?? null}::uuid)
    order by p.mirrored_at desc
    limit 1`;
  if (!row) return null;
  const variants = await sql<
    {
      variantId: string;
      title: string;
      sku: string | null;
      price: string;
      inventoryQuantity: number | null;
      position: number;
    }[]
  >`
    select variant_id as "variantId", title, sku, price::text as price, inventory_quantity as "inventoryQuantity",
      position
    from shopify.product_variants
    where connection_id = ${row.connectionId} and product_id = ${row.productId}
    order by position, variant_id`;
  return ionfluxProductFromMirror(
    {
      productId: row.productId,
      title: row.title,
      handle: row.handle,
      description: row.description,
      status: row.status,
      vendor: row.vendor,
      productType: row.productType,
      tags: row.tags,
      createdAt: row.createdAt === null ? null : readTimestamp(row.createdAt),
      updatedAt: readTimestamp(row.updatedAt),
      variants,
    },
    row.connectionId,
    row.currency ?? 'USD',
  );
}

/** An order from the mirror of a connection of `workspaceId`; null when none holds it. */
export async function loadMirroredOrder(
  sql: Sql,
  workspaceId: string,
  orderId: string,
): Promise<IonfluxOrder | null> {
  const [row] = await sql<
    {
      connectionId: string;
      name: string;
      createdAt: StoredTimestamp;
      updatedAt: StoredTimestamp;
      processedAt: StoredTimestamp | null;
      cancelledAt: StoredTimestamp | null;
      test: boolean;
      financialStatus: string | null;
      fulfillmentStatus: string;
      currency: string;
      totalPrice: string;
      lineItems: MirroredLineItem[];
    }[]
  >`
    select connection_id as "connectionId", name, created_at as "createdAt", updated_at as "updatedAt",
      processed_at as "processedAt", cancelled_at as "cancelledAt", test, financial_status as "financialStatus",
      fulfillment_status as "fulfillmentStatus", currency, total_price::text as "totalPrice",
      line_items as "lineItems"
    from shopify.orders
    where workspace_id = ${workspaceId} and order_id = ${orderId}
    order by mirrored_at desc
    limit 1`;
  if (!row) return null;
  const time = (value: StoredTimestamp | null) => (value === null ? null : readTimestamp(value));
  return ionfluxOrderFromMirror(
    {
      orderId,
      name: row.name,
      createdAt: readTimestamp(row.createdAt),
      updatedAt: readTimestamp(row.updatedAt),
      processedAt: time(row.processedAt),
      cancelledAt: time(row.cancelledAt),
      test: row.test,
      financialStatus: row.financialStatus,
      fulfillmentStatus: row.fulfillmentStatus,
      currency: row.currency,
      presentmentCurrency: null,
      totalPrice: row.totalPrice,
      currentTotalPrice: row.totalPrice,
      totalRefunded: '0',
      refundsEstimated: false,
      subtotalPrice: null,
      totalTax: null,
      totalDiscounts: null,
      totalShipping: null,
      presentmentTotalPrice: null,
      presentmentCurrentTotalPrice: null,
      presentmentTotalRefunded: null,
      refundIds: [],
      lineItems: row.lineItems,
    },
    row.connectionId,
  );
}
