import { lineItemsWindow, MAX_ORDERS_PAGE, ordersQuery } from '../admin-api/index.ts';
import { pageSize } from '../catalog/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { requestScopeOf } from '../loaders/index.ts';
import { toIonfluxOrder } from '../mapping/index.ts';

/**
 * `shopifyOrders`: newest first, one Admin call per page. Line items come in the same call (as many per
 * order as the 1000-cost budget allows); their products are loaded in one batch by the line item resolver.
 */
export const resolveShopifyOrders: NonNullable<QueryResolvers['shopifyOrders']> = async (
  _parent,
  args,
  context,
) => {
  const { session } = await requestScopeOf(context).connection(args.connectionId);
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
