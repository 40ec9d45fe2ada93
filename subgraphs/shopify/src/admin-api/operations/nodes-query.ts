import type { AdminOperation } from '../admin-operation.ts';
import { type AdminProduct, PRODUCT_NODE_COST, productFields } from './product-fields.ts';

/** Shopify caps `ids` at 250. */
export const MAX_NODE_IDS = 250;

export interface AdminVariantNode {
  __typename: 'ProductVariant';
  id: string;
  title: string;
  sku: string | null;
  price: string;
  product: { id: string };
}

export type AdminNode =
  | ({ __typename: 'Product' } & AdminProduct)
  | AdminVariantNode
  | { __typename: string; id: string };

/**
 * Products and variants by global id in one call: what the loaders batch into. Cost is the dearest
 * fragment per id (the product's), so the loader splits batches to stay under 1000.
 */
export const nodesQuery: AdminOperation<
  { shop: { currencyCode: string }; nodes: (AdminNode | null)[] },
  { ids: string[] }
> = {
  name: 'IonfluxNodes',
  document: /* GraphQL */ `
    query IonfluxNodes($ids: [ID!]!) {
      shop { currencyCode }
      nodes(ids: $ids) {
        __typename
        id
        ...IonfluxProduct
        ... on ProductVariant { title sku price product { id } }
      }
    }
    ${productFields}
  `,
  estimateCost: ({ ids }) => 1 + ids.length * PRODUCT_NODE_COST,
};

/** Most ids one `nodes` call may carry within Shopify's per-query cost limit. */
export const NODES_PER_CALL = Math.min(MAX_NODE_IDS, Math.floor(989 / PRODUCT_NODE_COST));
