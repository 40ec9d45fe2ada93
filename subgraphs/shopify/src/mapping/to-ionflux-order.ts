import type { AdminOrder } from '../admin-api/index.ts';
import type { IonfluxOrder } from './ionflux-order.ts';

/** Shopify Admin Order → IONFLUX order; amounts in the shop currency (`shopMoney`). */
export function toIonfluxOrder(order: AdminOrder, connectionId: string): IonfluxOrder {
  return {
    id: order.id,
    source: 'shopify',
    connectionId,
    name: order.name,
    createdAt: new Date(order.createdAt),
    processedAt: new Date(order.processedAt),
    cancelledAt: order.cancelledAt === null ? null : new Date(order.cancelledAt),
    currency: order.currencyCode,
    totalPrice: order.totalPriceSet.shopMoney,
    financialStatus: order.displayFinancialStatus,
    fulfillmentStatus: order.displayFulfillmentStatus,
    lineItems: order.lineItems.nodes.map((line) => ({
      id: line.id,
      connectionId,
      title: line.title,
      quantity: line.quantity,
      sku: line.sku,
      unitPrice: line.originalUnitPriceSet.shopMoney,
      productId: line.product?.id ?? null,
      variantId: line.variant?.id ?? null,
    })),
    lineItemsTruncated: order.lineItems.pageInfo.hasNextPage,
  };
}
