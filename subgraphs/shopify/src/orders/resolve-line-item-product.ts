import { loadProduct } from '../catalog/index.ts';
import type { ShopifyLineItemResolvers } from '../generated/resolvers-types.ts';
import { requestScopeOf } from '../loaders/index.ts';

/** `ShopifyLineItem.product`: through the request's loader, so 50 orders' lines cost one Admin call. */
export const resolveLineItemProduct: NonNullable<ShopifyLineItemResolvers['product']> = async (
  line,
  _args,
  context,
) => {
  if (line.productId === null) return null;
  const scope = await requestScopeOf(context).connection(line.connectionId);
  return loadProduct(scope, line.productId);
};
