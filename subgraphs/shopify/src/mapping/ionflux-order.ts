import type { AdminOrder } from '../admin-api/index.ts';
import type { IonfluxMoney } from './ionflux-product.ts';

/** One line of an order; `productId` links it to an {@link IonfluxProduct} (loaded on demand). */
export interface IonfluxLineItem {
  id: string;
  /** Which store the line's product is looked up in. */
  connectionId: string;
  title: string;
  quantity: number;
  sku: string | null;
  unitPrice: IonfluxMoney;
  productId: string | null;
  variantId: string | null;
  /** The line comes from the mirror: its product is read from the mirror, not the Admin API. */
  fromMirror?: boolean;
}

/** The generic order IONFLUX agents see (spec 4.G; spec 2.2 Revenue Tracker fields), without PII. */
export interface IonfluxOrder {
  id: string;
  source: 'shopify';
  connectionId: string;
  name: string;
  createdAt: Date;
  processedAt: Date;
  cancelledAt: Date | null;
  currency: string;
  totalPrice: IonfluxMoney;
  financialStatus: string | null;
  fulfillmentStatus: string;
  lineItems: IonfluxLineItem[];
  /** The order has more lines than were fetched with it (cost window; see `lineItemsWindow`). */
  lineItemsTruncated: boolean;
}

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
