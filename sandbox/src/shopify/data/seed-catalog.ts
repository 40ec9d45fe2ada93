import { ADJECTIVES, COLORS, PRODUCT_LINES, SIZES, VOLUMES } from './names.ts';
import { createRandom } from './random.ts';
import type { ProductRecord, VariantRecord } from './records.ts';

export const PRODUCT_ID_BASE = 8_100_000_000_000;
export const VARIANT_ID_BASE = 44_100_000_000_000;
export const INVENTORY_ITEM_ID_BASE = 46_100_000_000_000;
export const IMAGE_ID_BASE = 31_100_000_000_000;
const DAY = 86_400_000;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function optionValues(kind: string): { name: string; values: readonly string[] } | undefined {
  if (kind === 'size') return { name: 'Size', values: SIZES };
  if (kind === 'color') return { name: 'Color', values: COLORS };
  return undefined;
}

/** The demo catalogue: `count` products with variants, stock at one location, and images. */
export function seedCatalog(seed: number, count: number, now: Date): ProductRecord[] {
  const random = createRandom(seed);
  const products: ProductRecord[] = [];
  let variantSerial = 0;
  for (let i = 0; i < count; i++) {
    const line = random.pick(PRODUCT_LINES);
    const title = `${ADJECTIVES[i % ADJECTIVES.length]} ${random.pick(line.nouns)}${i >= ADJECTIVES.length ? ` ${Math.floor(i / ADJECTIVES.length) + 1}` : ''}`;
    const handle = slug(title);
    const id = PRODUCT_ID_BASE + i;
    const createdAt = new Date(now.getTime() - (400 - i * 5) * DAY - random.int(0, DAY));
    const updatedAt = new Date(createdAt.getTime() + random.int(1, 200) * DAY);
    const basePrice = Math.round(random.int(line.price[0], line.price[1]) / 100) * 100 - 1;
    const option =
      line.options === 'size' && line.type === 'Skincare'
        ? { name: 'Size', values: VOLUMES }
        : optionValues(line.options);
    const values = option ? option.values.slice(0, random.int(2, option.values.length)) : ['Default Title'];
    const variants: VariantRecord[] = values.map((value, position) => {
      const serial = variantSerial++;
      const priceCents = basePrice + (option?.name === 'Size' && position >= 3 ? 200 : 0);
      return {
        id: VARIANT_ID_BASE + serial,
        productId: id,
        inventoryItemId: INVENTORY_ITEM_ID_BASE + serial,
        title: value,
        sku: `${handle.slice(0, 12).toUpperCase()}-${slug(value).toUpperCase() || 'DEFAULT'}`,
        barcode: String(400_000_000_000 + serial * 7919),
        priceCents,
        compareAtPriceCents: random.chance(0.2) ? Math.round(priceCents * 1.25) : null,
        unitCostCents: Math.round(priceCents * 0.38),
        position: position + 1,
        available: random.chance(0.08) ? 0 : random.int(3, 240),
        options: option ? [{ name: option.name, value }] : [{ name: 'Title', value }],
        createdAt,
        updatedAt,
      };
    });
    const imageCount = random.int(1, 3);
    products.push({
      id,
      title,
      handle,
      descriptionHtml: `<p>The ${title.toLowerCase()}: made in small batches, built to last.</p>`,
      vendor: 'IONFLUX Demo Goods',
      productType: line.type,
      status: i % 17 === 16 ? 'DRAFT' : i % 23 === 22 ? 'ARCHIVED' : 'ACTIVE',
      tags: [slug(line.type), i % 3 === 0 ? 'bestseller' : 'core'],
      createdAt,
      updatedAt,
      publishedAt: createdAt,
      images: Array.from({ length: imageCount }, (_, n) => ({
        id: IMAGE_ID_BASE + i * 10 + n,
        url: `/cdn/shop/files/${handle}-${n + 1}.svg`,
        altText: `${title}, view ${n + 1}`,
        width: 1200,
        height: 1200,
      })),
      variants,
    });
  }
  return products;
}
