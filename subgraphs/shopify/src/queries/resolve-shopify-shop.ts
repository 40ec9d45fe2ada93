import { shopQuery } from '../admin-api/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';

/** `shopifyShop(connectionId)`: the store itself, live. */
export const resolveShopifyShop: NonNullable<QueryResolvers['shopifyShop']> = async (
  _parent,
  { connectionId },
  { stores },
) => {
  const { session } = await stores.connection(connectionId);
  const { shop } = await session.request(shopQuery, {});
  return {
    id: shop.id,
    connectionId,
    name: shop.name,
    myshopifyDomain: shop.myshopifyDomain,
    domain: shop.primaryDomain.host,
    currency: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    plan: shop.plan.displayName,
  };
};
