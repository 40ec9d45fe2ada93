/** Variants and images fetched with each product: enough for pricing and a thumbnail, cheap in cost. */
export const PRODUCT_VARIANTS = 10;
export const PRODUCT_IMAGES = 3;

/** The fields of a Product the subgraph serves; shared by the list query and `nodes(ids:)`. */
export const productFields = /* GraphQL */ `
  fragment IonfluxProduct on Product {
    id
    title
    handle
    description
    status
    vendor
    productType
    tags
    createdAt
    updatedAt
    variants(first: ${PRODUCT_VARIANTS}) { nodes { id title sku price } }
    images(first: ${PRODUCT_IMAGES}) { nodes { id url altText } }
  }
`;

/** Cost of one product node: itself, variants (2 + n), images (2 + n). */
export const PRODUCT_NODE_COST = 1 + 2 + PRODUCT_VARIANTS + 2 + PRODUCT_IMAGES;

export interface AdminProduct {
  id: string;
  title: string;
  handle: string;
  description: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  vendor: string;
  productType: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  variants: { nodes: { id: string; title: string; sku: string | null; price: string }[] };
  images: { nodes: { id: string | null; url: string; altText: string | null }[] };
}
