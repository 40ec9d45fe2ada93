import { toGid } from '../../data/gid.ts';
import type { ImageRecord, ProductRecord, VariantRecord } from '../../data/records.ts';
import type { AdminContext } from '../admin-context.ts';
import { arraySequence, paginate } from '../connection.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { exactCount, iso, locationOf, money, typed } from './values.ts';

export interface InventoryItemValue {
  variant: VariantRecord;
}

export const inventoryItemOf = (variant: VariantRecord): InventoryItemValue =>
  typed({ variant }, 'InventoryItem');

const stripTags = (html: string): string => html.replace(/<[^>]*>/g, '').trim();

const product: TypeResolvers<ProductRecord> = {
  id: (p) => toGid('Product', p.id),
  legacyResourceId: (p) => String(p.id),
  description: (p, args) => {
    const text = stripTags(p.descriptionHtml);
    const limit = typeof args.truncateAt === 'number' ? args.truncateAt : undefined;
    return limit !== undefined && text.length > limit ? `${text.slice(0, limit)}…` : text;
  },
  templateSuffix: () => null,
  createdAt: (p) => iso(p.createdAt),
  updatedAt: (p) => iso(p.updatedAt),
  publishedAt: (p) => iso(p.publishedAt),
  totalInventory: (p) => p.variants.reduce((sum, v) => sum + v.available, 0),
  tracksInventory: () => true,
  hasOnlyDefaultVariant: (p) => p.variants.length === 1 && p.variants[0]?.title === 'Default Title',
  hasOutOfStockVariants: (p) => p.variants.some((v) => v.available <= 0),
  isGiftCard: () => false,
  onlineStoreUrl: (p, _args, context) =>
    p.status === 'ACTIVE' ? `https://${context.shop.domain}/products/${p.handle}` : null,
  priceRangeV2: (p) => {
    const prices = p.variants.map((v) => v.priceCents);
    return { minVariantPrice: money(Math.min(...prices)), maxVariantPrice: money(Math.max(...prices)) };
  },
  featuredImage: (p) => p.images[0] ?? null,
  images: (p, args, context) =>
    paginate(arraySequence(p.images, args.reverse === true), args, {
      idOf: (i) => i.id,
      unbounded: context.bulk,
    }),
  variants: (p, args, context) => {
    const sorted =
      args.sortKey === 'SKU' ? [...p.variants].sort((a, b) => a.sku.localeCompare(b.sku)) : p.variants;
    return paginate(arraySequence(sorted, args.reverse === true), args, {
      idOf: (v) => v.id,
      unbounded: context.bulk,
    });
  },
  variantsCount: (p) => exactCount(p.variants.length),
};

const variant: TypeResolvers<VariantRecord> = {
  id: (v) => toGid('ProductVariant', v.id),
  legacyResourceId: (v) => String(v.id),
  displayName: (v, _args, context) => `${context.shop.product(v.productId)?.title ?? ''} - ${v.title}`,
  price: (v) => money(v.priceCents).amount,
  compareAtPrice: (v) => (v.compareAtPriceCents === null ? null : money(v.compareAtPriceCents).amount),
  inventoryQuantity: (v) => v.available,
  availableForSale: (v, _args, context) =>
    v.available > 0 && context.shop.product(v.productId)?.status === 'ACTIVE',
  inventoryPolicy: () => 'DENY',
  taxable: () => true,
  createdAt: (v) => iso(v.createdAt),
  updatedAt: (v) => iso(v.updatedAt),
  product: (v, _args, context) => context.shop.product(v.productId),
  inventoryItem: (v) => inventoryItemOf(v),
  image: (v, _args, context) => {
    const images = context.shop.product(v.productId)?.images ?? [];
    return images[(v.position - 1) % Math.max(1, images.length)] ?? null;
  },
  selectedOptions: (v) => v.options,
};

const image: TypeResolvers<ImageRecord> = {
  id: (i) => toGid('ProductImage', i.id),
  url: (i, _args, context) => `${context.baseUrl}${i.url}`,
};

function levelOf(item: InventoryItemValue, context: AdminContext) {
  return typed({ variant: item.variant, location: locationOf(context.shop) }, 'InventoryLevel');
}

type LevelValue = ReturnType<typeof levelOf>;

const inventoryItem: TypeResolvers<InventoryItemValue> = {
  id: (i) => toGid('InventoryItem', i.variant.inventoryItemId),
  legacyResourceId: (i) => String(i.variant.inventoryItemId),
  sku: (i) => i.variant.sku,
  tracked: () => true,
  requiresShipping: () => true,
  unitCost: (i) => money(i.variant.unitCostCents),
  createdAt: (i) => iso(i.variant.createdAt),
  updatedAt: (i) => iso(i.variant.updatedAt),
  variant: (i) => i.variant,
  inventoryLevel: (i, _args, context) => levelOf(i, context),
  inventoryLevels: (i, args, context) => {
    const levels = [{ ...levelOf(i, context), id: i.variant.inventoryItemId }];
    return paginate(arraySequence(levels), args, { idOf: (l) => l.id, unbounded: context.bulk });
  },
};

const QUANTITY_NAMES = [
  'available',
  'on_hand',
  'committed',
  'incoming',
  'reserved',
  'damaged',
  'safety_stock',
  'quality_control',
];

const inventoryLevel: TypeResolvers<LevelValue> = {
  id: (l) => `gid://shopify/InventoryLevel/${l.location.id}?inventory_item_id=${l.variant.inventoryItemId}`,
  item: (l) => inventoryItemOf(l.variant),
  location: (l) => l.location,
  createdAt: (l) => iso(l.variant.createdAt),
  updatedAt: (l) => iso(l.variant.updatedAt),
  quantities: (l, args) =>
    (Array.isArray(args.names) ? (args.names as string[]) : [])
      .filter((name) => QUANTITY_NAMES.includes(name))
      .map((name) => ({
        id: `gid://shopify/InventoryQuantity/${l.location.id}?inventory_item_id=${l.variant.inventoryItemId}&name=${name}`,
        name,
        quantity: name === 'available' || name === 'on_hand' ? l.variant.available : 0,
        updatedAt: iso(l.variant.updatedAt),
      })),
};

const location: TypeResolvers<ReturnType<typeof locationOf>> = {
  id: (l) => toGid('Location', l.id),
  legacyResourceId: (l) => String(l.id),
  isActive: () => true,
  fulfillsOnlineOrders: () => true,
  createdAt: (l) => iso(l.createdAt),
  updatedAt: (l) => iso(l.createdAt),
};

export const productResolvers: ResolverMap = {
  Product: product,
  ProductVariant: variant,
  Image: image,
  InventoryItem: inventoryItem,
  InventoryLevel: inventoryLevel,
  Location: location,
};
