import { lineItemsWindow, MAX_ORDERS_PAGE, orderQuery, ordersQuery } from '../admin-api/index.ts';
import type { QueryResolvers, ShopifyLineItemResolvers } from '../generated/resolvers-types.ts';
import { toIonfluxOrder } from '../mapping/index.ts';
import { loadMirroredProduct } from './load-mirrored.ts';
import { pageSize } from './page-size.ts';
import { loadProduct } from './resolve-shopify-products.ts';

/**
 * `shopifyOrders`: newest first, one Admin call per page. Line items come in the same call (as many per
 * order as the 1000-cost budget allows); their products are loaded in one batch by the line item resolver.
 */
export const resolveShopifyOrders: NonNullable<QueryResolvers['shopifyOrders']> = async (
  _parent,
  args,
  { stores },
) => {
  const { session } = await stores.connection(args.connectionId);
  const first = pageSize(args.first, 20, MAX_ORDERS_PAGE);
  const data = await session.request(ordersQuery, {
    first,
    after: args.after ?? null,
    query: args.query ?? null,
    lineItems: lineItemsWindow(first),
  });
  return {
    nodes: data.orders.nodes.map((order) => toIonfluxOrder(order, args.connectionId)),
    pageInfo: data.orders.pageInfo,
  };
};

/** Shopify order ids are global ids; a bare number (REST / webhook id) is accepted too. */
function orderGid(id: string): string {
  return /^\d+$/.test(id) ? `gid://shopify/Order/${id}` : id;
}

/** `shopifyOrder(connectionId, id)`: one order with up to 50 line items. */
export const resolveShopifyOrder: NonNullable<QueryResolvers['shopifyOrder']> = async (
  _parent,
  args,
  { stores },
) => {
  const { session } = await stores.connection(args.connectionId);
  const data = await session.request(orderQuery, { id: orderGid(args.id), lineItems: lineItemsWindow(1) });
  return data.order ? toIonfluxOrder(data.order, args.connectionId) : null;
};

/**
 * `ShopifyLineItem.product`: a line of a live order through the request's loader (50 orders' lines cost
 * one Admin call); a line of a mirrored order (a Sales Sentinel event) from the mirror.
 */
export const resolveLineItemProduct: NonNullable<ShopifyLineItemResolvers['product']> = async (
  line,
  _args,
  { stores, sql, identity },
) => {
  if (line.productId === null) return null;
  if (line.fromMirror)
    return loadMirroredProduct(sql, identity.workspaceId, line.productId, line.connectionId);
  return loadProduct(await stores.connection(line.connectionId), line.productId);
};
