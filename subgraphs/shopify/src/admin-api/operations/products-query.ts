import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import { type AdminProduct, PRODUCT_NODE_COST, productFields } from './product-fields.ts';

/** Largest page the subgraph asks for: 50 × 18 + 3 stays under Shopify's 1000 per query. */
export const MAX_PRODUCTS_PAGE = 50;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ProductsPageVariables extends Record<string, unknown> {
  first: number;
  after?: string | null;
  query?: string | null;
}

/** One page of the catalog, cursor-paginated, filtered with Shopify's search syntax. */
export const productsQuery: AdminOperation<
  { shop: { currencyCode: string }; products: { nodes: AdminProduct[]; pageInfo: PageInfo } },
  ProductsPageVariables
> = {
  name: 'IonfluxProducts',
  document: /* GraphQL */ `
    query IonfluxProducts($first: Int!, $after: String, $query: String) {
      shop { currencyCode }
      products(first: $first, after: $after, query: $query) {
        nodes { ...IonfluxProduct }
        pageInfo { hasNextPage endCursor }
      }
    }
    ${productFields}
  `,
  estimateCost: ({ first }) => connectionCost(first, PRODUCT_NODE_COST) + 2,
};
