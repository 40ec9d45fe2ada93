import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import type { PageInfo } from './products-query.ts';

export const MAX_ORDERS_PAGE = 50;

const moneyFields = 'shopMoney { amount currencyCode }';

/** One order's fields (spec 2.2, Revenue Tracker Lite); no customer fields: orders carry no PII here. */
const orderFields = /* GraphQL */ `
  fragment IonfluxOrder on Order {
    id
    name
    createdAt
    processedAt
    cancelledAt
    currencyCode
    displayFinancialStatus
    displayFulfillmentStatus
    totalPriceSet { ${moneyFields} }
    lineItems(first: $lineItems) {
      nodes {
        id
        title
        quantity
        sku
        product { id }
        variant { id }
        originalUnitPriceSet { ${moneyFields} }
      }
      pageInfo { hasNextPage }
    }
  }
`;

interface Money {
  amount: string;
  currencyCode: string;
}

export interface AdminOrder {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string;
  cancelledAt: string | null;
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: { shopMoney: Money };
  lineItems: {
    nodes: {
      id: string;
      title: string;
      quantity: number;
      sku: string | null;
      product: { id: string } | null;
      variant: { id: string } | null;
      originalUnitPriceSet: { shopMoney: Money };
    }[];
    pageInfo: { hasNextPage: boolean };
  };
}

/** Line item: itself, product, variant, price bag and its money. */
const LINE_ITEM_COST = 5;
/** Order without line items: itself, total bag and money, the line items connection's pageInfo. */
const ORDER_BASE_COST = 1 + 2 + 1;

/**
 * How many line items per order fit a page of `first` orders under the 1000 limit (at least 1, at most
 * 50). 50 orders get 3 each; a single order gets 50.
 */
export function lineItemsWindow(first: number): number {
  const perOrder = (990 - 3) / first - ORDER_BASE_COST - 2;
  return Math.max(1, Math.min(50, Math.floor(perOrder / LINE_ITEM_COST)));
}

const costOf = (first: number, lineItems: number) =>
  connectionCost(first, ORDER_BASE_COST + connectionCost(lineItems, LINE_ITEM_COST)) + 1;

export interface OrdersPageVariables extends Record<string, unknown> {
  first: number;
  after?: string | null;
  query?: string | null;
  lineItems: number;
}

/** Newest first, cursor-paginated, Shopify search syntax in `query`. */
export const ordersQuery: AdminOperation<
  { orders: { nodes: AdminOrder[]; pageInfo: PageInfo } },
  OrdersPageVariables
> = {
  name: 'IonfluxOrders',
  document: /* GraphQL */ `
    query IonfluxOrders($first: Int!, $after: String, $query: String, $lineItems: Int!) {
      orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
        nodes { ...IonfluxOrder }
        pageInfo { hasNextPage endCursor }
      }
    }
    ${orderFields}
  `,
  estimateCost: ({ first, lineItems }) => costOf(first, lineItems),
};

/** One order by global id. */
export const orderQuery: AdminOperation<{ order: AdminOrder | null }, { id: string; lineItems: number }> = {
  name: 'IonfluxOrder',
  document: /* GraphQL */ `
    query IonfluxOrder($id: ID!, $lineItems: Int!) {
      order(id: $id) { ...IonfluxOrder }
    }
    ${orderFields}
  `,
  estimateCost: ({ lineItems }) => 1 + ORDER_BASE_COST + connectionCost(lineItems, LINE_ITEM_COST),
};
