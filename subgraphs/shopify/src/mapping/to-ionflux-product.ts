import type { AdminProduct } from '../admin-api/index.ts';
import type { IonfluxProduct } from './ionflux-product.ts';

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
