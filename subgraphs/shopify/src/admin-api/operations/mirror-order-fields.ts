/**
 * The fields of an Order the mirror keeps (no customer fields), shared by the page query, the single
 * order refresh and the bulk backfill, so all three map through one function.
 */
export const MIRROR_ORDER_SELECTION = /* GraphQL */ `
  id name createdAt updatedAt processedAt cancelledAt test
  displayFinancialStatus displayFulfillmentStatus currencyCode presentmentCurrencyCode
  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  currentTotalPriceSet { shopMoney { amount } presentmentMoney { amount } }
  totalRefundedSet { shopMoney { amount } presentmentMoney { amount } }
  subtotalPriceSet { shopMoney { amount } }
  totalTaxSet { shopMoney { amount } }
  totalDiscountsSet { shopMoney { amount } }
  totalShippingPriceSet { shopMoney { amount } }
  refunds(first: ${20}) { id }
`;

/** One line item's fields (its connection is paged apart or flattened by bulk). */
export const MIRROR_LINE_ITEM_SELECTION = /* GraphQL */ `
  id title quantity sku product { id } variant { id }
  originalUnitPriceSet { shopMoney { amount } }
  totalDiscountSet { shopMoney { amount } }
`;

/** Refunds read per order; an order with more is read again with its own query. */
export const MIRROR_REFUNDS = 20;

/** Cost of one order without its line items: itself, 4 bags × 3 with presentment, 4 × 2, the refunds list. */
export const MIRROR_ORDER_COST = 1 + 3 + 2 * 2 + 2 * 2 + 4 * 2 + MIRROR_REFUNDS;
/** Cost of one line item: itself, product, variant, two bags with their money. */
export const MIRROR_LINE_ITEM_COST = 7;

interface Amount {
  amount: string;
}

/** An Order as the mirror queries return it (line items apart: page, follow-up or bulk lines). */
export interface AdminMirrorOrder {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  cancelledAt: string | null;
  test: boolean;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  currencyCode: string;
  presentmentCurrencyCode: string | null;
  totalPriceSet: { shopMoney: Amount & { currencyCode: string }; presentmentMoney: Amount | null };
  currentTotalPriceSet: { shopMoney: Amount; presentmentMoney: Amount | null };
  totalRefundedSet: { shopMoney: Amount; presentmentMoney: Amount | null };
  subtotalPriceSet: { shopMoney: Amount } | null;
  totalTaxSet: { shopMoney: Amount } | null;
  totalDiscountsSet: { shopMoney: Amount } | null;
  totalShippingPriceSet: { shopMoney: Amount } | null;
  refunds: { id: string }[];
}

export interface AdminMirrorLineItem {
  id: string;
  title: string;
  quantity: number;
  sku: string | null;
  product: { id: string } | null;
  variant: { id: string } | null;
  originalUnitPriceSet: { shopMoney: Amount };
  totalDiscountSet: { shopMoney: Amount } | null;
}
