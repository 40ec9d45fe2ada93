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
