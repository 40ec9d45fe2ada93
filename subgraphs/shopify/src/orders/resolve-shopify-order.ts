import { lineItemsWindow, orderQuery } from '../admin-api/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { requestScopeOf } from '../loaders/index.ts';
import { toIonfluxOrder } from '../mapping/index.ts';

/** Shopify order ids are global ids; a bare number (REST / webhook id) is accepted too. */
function orderGid(id: string): string {
  return /^\d+$/.test(id) ? `gid://shopify/Order/${id}` : id;
}

/** `shopifyOrder(connectionId, id)`: one order with up to 50 line items. */
export const resolveShopifyOrder: NonNullable<QueryResolvers['shopifyOrder']> = async (
  _parent,
  args,
  context,
) => {
  const { session } = await requestScopeOf(context).connection(args.connectionId);
  const data = await session.request(orderQuery, { id: orderGid(args.id), lineItems: lineItemsWindow(1) });
  return data.order ? toIonfluxOrder(data.order, args.connectionId) : null;
};
