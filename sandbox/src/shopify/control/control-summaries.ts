import { iso } from '../admin/resolvers/values.ts';
import { toGid } from '../data/gid.ts';
import { toDecimal } from '../data/money.ts';
import { orderTotals } from '../data/order-totals.ts';
import type { OrderRecord, ProductRecord, VariantRecord } from '../data/records.ts';

/** What the control API answers about an order it created or changed (the same over HTTP and in code). */
export interface OrderSummary {
  id: number;
  admin_graphql_api_id: string;
  name: string;
  financial_status: string;
  total_price: string;
  current_total_price: string;
  created_at: string | null;
  cancelled_at: string | null;
}

export interface VariantSummary {
  id: number;
  admin_graphql_api_id: string;
  inventory_item_id: number;
  sku: string;
  price: string;
  available: number;
}

export interface ProductSummary {
  id: number;
  admin_graphql_api_id: string;
  title: string;
  variants: VariantSummary[];
}

export function orderSummary(order: OrderRecord): OrderSummary {
  const totals = orderTotals(order);
  return {
    id: order.id,
    admin_graphql_api_id: toGid('Order', order.id),
    name: `#${order.number}`,
    financial_status: order.financialStatus,
    total_price: toDecimal(totals.total),
    current_total_price: toDecimal(totals.currentTotal),
    created_at: iso(order.createdAt),
    cancelled_at: iso(order.cancelledAt),
  };
}

export function variantSummary(variant: VariantRecord): VariantSummary {
  return {
    id: variant.id,
    admin_graphql_api_id: toGid('ProductVariant', variant.id),
    inventory_item_id: variant.inventoryItemId,
    sku: variant.sku,
    price: toDecimal(variant.priceCents),
    available: variant.available,
  };
}

export function productSummary(product: ProductRecord): ProductSummary {
  return {
    id: product.id,
    admin_graphql_api_id: toGid('Product', product.id),
    title: product.title,
    variants: product.variants.map(variantSummary),
  };
}
