import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import {
  type AdminMirrorLineItem,
  type AdminMirrorOrder,
  MIRROR_LINE_ITEM_COST,
  MIRROR_LINE_ITEM_SELECTION,
  MIRROR_ORDER_COST,
  MIRROR_ORDER_SELECTION,
} from './mirror-order-fields.ts';
import type { PageInfo } from './products-query.ts';

/** Orders per page of the paged sync: 8 orders with 10 lines each stay under the 1000 cost limit. */
export const MIRROR_ORDERS_PAGE = 8;
/** Line items read with each order of a page; the rest of a longer order is read apart. */
export const MIRROR_ORDER_LINES = 10;

export interface MirrorOrdersPage {
  orders: {
    nodes: (AdminMirrorOrder & {
      lineItems: { nodes: AdminMirrorLineItem[]; pageInfo: PageInfo };
    })[];
    pageInfo: PageInfo;
  };
}

/**
 * One page of orders oldest change first (`sortKey: UPDATED_AT`), filtered by `query` (e.g.
 * `updated_at:>='2026-01-01T00:00:00Z'`): the paged sync, and the fallback when a bulk operation fails.
 */
export const mirrorOrdersQuery: AdminOperation<
  MirrorOrdersPage,
  { first: number; after?: string | null; query?: string | null; lineItems: number }
> = {
  name: 'IonfluxMirrorOrders',
  document: /* GraphQL */ `
    query IonfluxMirrorOrders($first: Int!, $after: String, $query: String, $lineItems: Int!) {
      orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
        nodes {
          ${MIRROR_ORDER_SELECTION}
          lineItems(first: $lineItems) {
            nodes { ${MIRROR_LINE_ITEM_SELECTION} }
            pageInfo { hasNextPage endCursor }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  estimateCost: ({ first, lineItems }) =>
    connectionCost(first, MIRROR_ORDER_COST + connectionCost(lineItems, MIRROR_LINE_ITEM_COST) + 1) + 1,
};

/** Line items of one order after a cursor: the rest of an order longer than a page carries. */
export const MIRROR_MORE_LINES = 100;

export const orderLineItemsQuery: AdminOperation<
  {
    order: { lineItems: { nodes: AdminMirrorLineItem[]; pageInfo: PageInfo } } | null;
  },
  { id: string; after: string | null; first: number }
> = {
  name: 'IonfluxOrderLineItems',
  document: /* GraphQL */ `
    query IonfluxOrderLineItems($id: ID!, $after: String, $first: Int!) {
      order(id: $id) {
        lineItems(first: $first, after: $after) {
          nodes { ${MIRROR_LINE_ITEM_SELECTION} }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  `,
  estimateCost: ({ first }) => 1 + connectionCost(first, MIRROR_LINE_ITEM_COST) + 1,
};

/** One order by id, as the mirror keeps it: the exact refresh of a webhook whose refunds were estimated. */
export const mirrorOrderQuery: AdminOperation<
  { order: (AdminMirrorOrder & { lineItems: { nodes: AdminMirrorLineItem[]; pageInfo: PageInfo } }) | null },
  { id: string; lineItems: number }
> = {
  name: 'IonfluxMirrorOrder',
  document: /* GraphQL */ `
    query IonfluxMirrorOrder($id: ID!, $lineItems: Int!) {
      order(id: $id) {
        ${MIRROR_ORDER_SELECTION}
        lineItems(first: $lineItems) {
          nodes { ${MIRROR_LINE_ITEM_SELECTION} }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  `,
  estimateCost: ({ lineItems }) => MIRROR_ORDER_COST + connectionCost(lineItems, MIRROR_LINE_ITEM_COST) + 1,
};
