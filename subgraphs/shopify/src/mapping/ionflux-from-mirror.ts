import type { MirrorOrder, MirrorProduct } from '../mirror/index.ts';
import type { IonfluxOrder } from './ionflux-order.ts';
import type { IonfluxProduct } from './ionflux-product.ts';

/** A mirrored order as the generic IONFLUX order; its line items' products are read from the mirror too. */
export function ionfluxOrderFromMirror(order: MirrorOrder, connectionId: string): IonfluxOrder {
  const money = (amount: string) => ({ amount, currencyCode: order.currency });
  return {
    id: order.orderId,
    source: 'shopify',
    connectionId,
    name: order.name,
    createdAt: order.createdAt,
    processedAt: order.processedAt ?? order.createdAt,
    cancelledAt: order.cancelledAt,
    currency: order.currency,
    totalPrice: money(order.totalPrice),
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    lineItems: order.lineItems.map((line) => ({
      id: line.id,
      connectionId,
      title: line.title,
      quantity: line.quantity,
      sku: line.sku,
      unitPrice: money(line.price),
      productId: line.productId,
      variantId: line.variantId,
      fromMirror: true,
    })),
    lineItemsTruncated: false,
  };
}

const STATUSES = new Set(['ACTIVE', 'ARCHIVED', 'DRAFT']);

/** A mirrored product as the generic IONFLUX product (prices in the shop currency; no images mirrored). */
export function ionfluxProductFromMirror(
  product: MirrorProduct,
  connectionId: string,
  shopCurrency: string,
): IonfluxProduct {
  return {
    id: product.productId,
    source: 'shopify',
    connectionId,
    title: product.title,
    description: product.description,
    handle: product.handle ?? '',
    status: (STATUSES.has(product.status) ? product.status : 'DRAFT') as IonfluxProduct['status'],
    vendor: product.vendor ?? '',
    productType: product.productType ?? '',
    tags: product.tags,
    variants: product.variants.map((variant) => ({
      id: variant.variantId,
      title: variant.title,
      sku: variant.sku,
      price: { amount: variant.price, currencyCode: shopCurrency },
      inventoryQuantity: variant.inventoryQuantity,
    })),
    images: [],
    // Shopify's documented products/create example has no created_at.
    createdAt: product.createdAt ?? product.updatedAt,
    updatedAt: product.updatedAt,
  };
}
