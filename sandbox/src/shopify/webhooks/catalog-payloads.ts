import { toGid } from '../data/gid.ts';
import { toDecimal } from '../data/money.ts';
import type { ProductRecord, VariantRecord } from '../data/records.ts';
import { restTime } from './rest-time.ts';

export function variantPayload(variant: VariantRecord, oldQuantity = variant.available) {
  return {
    id: variant.id,
    admin_graphql_api_id: toGid('ProductVariant', variant.id),
    product_id: variant.productId,
    title: variant.title,
    price: toDecimal(variant.priceCents),
    compare_at_price: variant.compareAtPriceCents === null ? null : toDecimal(variant.compareAtPriceCents),
    sku: variant.sku,
    barcode: variant.barcode,
    position: variant.position,
    inventory_policy: 'deny',
    option1: variant.options[0]?.value ?? null,
    option2: null,
    option3: null,
    taxable: true,
    inventory_item_id: variant.inventoryItemId,
    inventory_quantity: variant.available,
    old_inventory_quantity: oldQuantity,
    created_at: restTime(variant.createdAt),
    updated_at: restTime(variant.updatedAt),
  };
}

/** The REST Product resource as `products/*` webhooks carry it (full variants, images, options). */
export function productPayload(product: ProductRecord, baseUrl: string) {
  const optionName = product.variants[0]?.options[0]?.name ?? 'Title';
  const images = product.images.map((image, index) => ({
    id: image.id,
    admin_graphql_api_id: toGid('ProductImage', image.id),
    product_id: product.id,
    position: index + 1,
    alt: image.altText,
    width: image.width,
    height: image.height,
    src: `${baseUrl}${image.url}`,
    variant_ids: [],
    created_at: restTime(product.createdAt),
    updated_at: restTime(product.updatedAt),
  }));
  return {
    id: product.id,
    admin_graphql_api_id: toGid('Product', product.id),
    title: product.title,
    body_html: product.descriptionHtml,
    vendor: product.vendor,
    product_type: product.productType,
    handle: product.handle,
    status: product.status.toLowerCase(),
    tags: product.tags.join(', '),
    template_suffix: null,
    published_scope: 'global',
    created_at: restTime(product.createdAt),
    updated_at: restTime(product.updatedAt),
    published_at: restTime(product.publishedAt),
    variants: product.variants.map((variant) => variantPayload(variant)),
    options: [
      {
        id: product.id + 1,
        product_id: product.id,
        name: optionName,
        position: 1,
        values: product.variants.map((v) => v.title),
      },
    ],
    images,
    image: images[0] ?? null,
    media: [],
    variant_gids: product.variants.map((v) => ({
      admin_graphql_api_id: toGid('ProductVariant', v.id),
      updated_at: v.updatedAt.toISOString(),
    })),
  };
}

export function inventoryLevelPayload(variant: VariantRecord, locationId: number) {
  return {
    inventory_item_id: variant.inventoryItemId,
    location_id: locationId,
    available: variant.available,
    updated_at: restTime(variant.updatedAt),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${locationId}?inventory_item_id=${variant.inventoryItemId}`,
  };
}
