import type { AdminMirrorProduct, AdminMirrorVariant } from '../admin-api/index.ts';
import type { MirrorProduct } from './mirror-records.ts';

/** A Product read from the Admin API (page or bulk lines) with all its variants, as a mirror product. */
export function productFromAdmin(
  product: AdminMirrorProduct,
  variants: readonly AdminMirrorVariant[],
): MirrorProduct {
  return {
    productId: product.id,
    title: product.title,
    handle: product.handle,
    description: product.description === '' ? null : product.description,
    status: product.status,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    createdAt: new Date(product.createdAt),
    updatedAt: new Date(product.updatedAt),
    variants: variants.map((variant) => ({
      variantId: variant.id,
      title: variant.title,
      sku: variant.sku,
      price: variant.price,
      inventoryQuantity: variant.inventoryQuantity,
      position: variant.position,
    })),
  };
}
