import { describeIssue, type MappingResult } from './mapping-result.ts';
import { type MirrorProduct, toGid } from './mirror-records.ts';
import { restProduct } from './rest-payload-schemas.ts';

/**
 * A `products/*` webhook payload (Shopify's REST Product) as a mirror product. Shopify details the
 * first 100 variants and names every variant in `variant_gids`; `body_html` becomes plain text. A
 * payload without `updated_at` takes `fallbackVersion` (the delivery's trigger time).
 */
export function productFromRest(payload: unknown, fallbackVersion: Date): MappingResult<MirrorProduct> {
  const parsed = restProduct.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error) };
  const product = parsed.data;
  const productId =
    product.admin_graphql_api_id ?? (product.id == null ? undefined : toGid('Product', product.id));
  if (!productId) return { ok: false, reason: 'the product has neither admin_graphql_api_id nor id' };
  const variants = (product.variants ?? []).flatMap((variant, index) => {
    const variantId =
      variant.admin_graphql_api_id ?? (variant.id == null ? undefined : toGid('ProductVariant', variant.id));
    if (!variantId) return [];
    return [
      {
        variantId,
        title: variant.title ?? 'Default Title',
        sku: variant.sku ?? null,
        price: variant.price ?? '0',
        inventoryQuantity: variant.inventory_quantity ?? null,
        position: variant.position ?? index + 1,
      },
    ];
  });
  const tags = Array.isArray(product.tags) ? product.tags : (product.tags ?? '').split(',');
  const allVariantIds = product.variant_gids?.map((entry) => entry.admin_graphql_api_id);
  return {
    ok: true,
    value: {
      productId,
      title: product.title,
      handle: product.handle ?? null,
      description: product.body_html == null ? null : htmlToText(product.body_html),
      status: (product.status ?? 'active').toUpperCase(),
      vendor: product.vendor ?? null,
      productType: product.product_type ?? null,
      tags: tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
      createdAt: product.created_at ? new Date(product.created_at) : null,
      updatedAt: product.updated_at ? new Date(product.updated_at) : fallbackVersion,
      variants,
      ...(allVariantIds && allVariantIds.length > variants.length ? { allVariantIds } : {}),
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `body_html` as the plain text the Admin API serves as `description`: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
