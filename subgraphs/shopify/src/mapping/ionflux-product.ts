import type { AdminProduct } from '../admin-api/index.ts';

/** A money amount as IONFLUX agents read it: decimal string, ISO currency. */
export interface IonfluxMoney {
  amount: string;
  currencyCode: string;
}

/**
 * The generic product IONFLUX agents see (spec 4.G), whatever store it came from. Shopify's shape is
 * mapped into it in one place ({@link toIonfluxProduct}); GraphQL serves this shape.
 */
export interface IonfluxProduct {
  id: string;
  source: 'shopify';
  connectionId: string;
  title: string;
  description: string | null;
  handle: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
  vendor: string;
  productType: string;
  tags: string[];
  variants: {
    id: string;
    title: string;
    sku: string | null;
    price: IonfluxMoney;
    /** From the mirror; absent when read live (the live query does not ask for stock). */
    inventoryQuantity?: number | null;
  }[];
  images: { id: string | null; url: string; altText: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Shopify Admin Product → IONFLUX product. Variant prices are in the shop's currency (Admin `price` is a
 * bare decimal), so the shop currency is passed in.
 */
export function toIonfluxProduct(
  product: AdminProduct,
  connectionId: string,
  shopCurrency: string,
): IonfluxProduct {
  return {
    id: product.id,
    source: 'shopify',
    connectionId,
    title: product.title,
    // Shopify gives '' for "no description"; agents are better served by null.
    description: product.description === '' ? null : product.description,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    variants: product.variants.nodes.map((variant) => ({
      id: variant.id,
      title: variant.title,
      sku: variant.sku,
      price: { amount: variant.price, currencyCode: shopCurrency },
    })),
    images: product.images.nodes.map((image) => ({ id: image.id, url: image.url, altText: image.altText })),
    createdAt: new Date(product.createdAt),
    updatedAt: new Date(product.updatedAt),
  };
}
