import { MAX_PRODUCTS_PAGE, productsQuery } from '../admin-api/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { requestScopeOf } from '../loaders/index.ts';
import { toIonfluxProduct } from '../mapping/index.ts';
import { pageSize } from './page-size.ts';

/** `shopifyProducts`: one cursor page of the catalog; loaded products also prime the request's loader. */
export const resolveShopifyProducts: NonNullable<QueryResolvers['shopifyProducts']> = async (
  _parent,
  args,
  context,
) => {
  const scope = await requestScopeOf(context).connection(args.connectionId);
  const first = pageSize(args.first, 20, MAX_PRODUCTS_PAGE);
  const data = await scope.session.request(productsQuery, {
    first,
    after: args.after ?? null,
    query: args.query ?? null,
  });
  const currency = data.shop.currencyCode;
  for (const product of data.products.nodes) {
    scope.nodes.prime(product.id, { node: { __typename: 'Product', ...product }, shopCurrency: currency });
  }
  return {
    nodes: data.products.nodes.map((product) => toIonfluxProduct(product, args.connectionId, currency)),
    pageInfo: data.products.pageInfo,
  };
};
