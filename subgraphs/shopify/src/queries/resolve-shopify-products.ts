import { type AdminProduct, MAX_PRODUCTS_PAGE, productsQuery } from '../admin-api/index.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { type IonfluxProduct, toIonfluxProduct } from '../mapping/index.ts';
import { pageSize } from './page-size.ts';
import type { ConnectionScope } from './request-scope.ts';

/** `shopifyProducts`: one cursor page of the catalog; loaded products also prime the request's loader. */
export const resolveShopifyProducts: NonNullable<QueryResolvers['shopifyProducts']> = async (
  _parent,
  args,
  { stores },
) => {
  const scope = await stores.connection(args.connectionId);
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

/** A product by global id through the request's batching loader; null when gone or not a product. */
export async function loadProduct(scope: ConnectionScope, id: string): Promise<IonfluxProduct | null> {
  const loaded = await scope.nodes.load(id);
  if (loaded?.node.__typename !== 'Product') return null;
  return toIonfluxProduct(loaded.node as AdminProduct, scope.connectionId, loaded.shopCurrency);
}
