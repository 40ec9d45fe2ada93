import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import type { PageInfo } from './products-query.ts';

export const MIRROR_PRODUCT_SELECTION = /* GraphQL */ `
  id title handle description status vendor productType tags createdAt updatedAt
`;
export const MIRROR_VARIANT_SELECTION = /* GraphQL */ `
  id title sku price inventoryQuantity position
`;

export interface AdminMirrorProduct {
  id: string;
  title: string;
  handle: string;
  description: string;
  status: string;
  vendor: string;
  productType: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AdminMirrorVariant {
  id: string;
  title: string;
  sku: string | null;
  price: string;
  inventoryQuantity: number | null;
  position: number;
}

/** Products per page of the paged sync, with up to {@link MIRROR_PRODUCT_VARIANTS} variants each. */
export const MIRROR_PRODUCTS_PAGE = 25;
export const MIRROR_PRODUCT_VARIANTS = 30;

export interface MirrorProductsPage {
  products: {
    nodes: (AdminMirrorProduct & { variants: { nodes: AdminMirrorVariant[]; pageInfo: PageInfo } })[];
    pageInfo: PageInfo;
  };
}

/** One page of products oldest change first, filtered by `query`. */
export const mirrorProductsQuery: AdminOperation<
  MirrorProductsPage,
  { first: number; after?: string | null; query?: string | null; variants: number }
> = {
  name: 'IonfluxMirrorProducts',
  document: /* GraphQL */ `
    query IonfluxMirrorProducts($first: Int!, $after: String, $query: String, $variants: Int!) {
      products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
        nodes {
          ${MIRROR_PRODUCT_SELECTION}
          variants(first: $variants) {
            nodes { ${MIRROR_VARIANT_SELECTION} }
            pageInfo { hasNextPage endCursor }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  estimateCost: ({ first, variants }) => connectionCost(first, 1 + connectionCost(variants, 1) + 1) + 1,
};

/** Variants of one product after a cursor: the rest of a product with more than a page carries. */
export const productVariantsQuery: AdminOperation<
  { product: { variants: { nodes: AdminMirrorVariant[]; pageInfo: PageInfo } } | null },
  { id: string; after: string | null; first: number }
> = {
  name: 'IonfluxProductVariants',
  document: /* GraphQL */ `
    query IonfluxProductVariants($id: ID!, $after: String, $first: Int!) {
      product(id: $id) {
        variants(first: $first, after: $after) {
          nodes { ${MIRROR_VARIANT_SELECTION} }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  `,
  estimateCost: ({ first }) => 1 + connectionCost(first, 1) + 1,
};
