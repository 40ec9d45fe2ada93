import { readTimestamp, type StoredTimestamp } from '@ionflux/kit/db';
import type { MirrorProduct, ObservedAt } from './mirror-records.ts';
import { isNewer, lockRecords, type MirrorTarget, type MirrorTx } from './mirror-target.ts';
import { pgArray } from './pg-array.ts';

/** One product version taken into the mirror, with the stock its variants had before (by variant id). */
export interface AppliedProduct {
  /** Null when the product is new to the mirror. */
  stockBefore: Map<string, number | null> | null;
  after: MirrorProduct;
}

/**
 * Applies product versions (with their variants) to a connection's mirror inside `tx`, each only if
 * newer than the stored one by (`updated_at`, observation). A version's variants replace the stored
 * ones: those no longer in the product are deleted.
 */
export async function applyProducts(
  tx: MirrorTx,
  target: MirrorTarget,
  products: readonly MirrorProduct[],
  observedAt: ObservedAt,
): Promise<AppliedProduct[]> {
  const latest = new Map<string, MirrorProduct>();
  for (const product of products) {
    const seen = latest.get(product.productId);
    if (!seen || product.updatedAt > seen.updatedAt) latest.set(product.productId, product);
  }
  if (latest.size === 0) return [];
  const ids = [...latest.keys()];
  await lockRecords(tx, target.connectionId, ids);
  const stored = await tx<{ productId: string; updatedAt: StoredTimestamp; observedAt: StoredTimestamp }[]>`
    select product_id as "productId", updated_at as "updatedAt", observed_at as "observedAt"
    from shopify.products
    where connection_id = ${target.connectionId} and product_id = any(${pgArray(ids)}::text[])`;
  const byId = new Map(stored.map((row) => [row.productId, row]));
  const accepted = [...latest.values()].filter((product) => {
    const row = byId.get(product.productId);
    return isNewer(
      { updatedAt: product.updatedAt, observedAt },
      row && { updatedAt: readTimestamp(row.updatedAt), observedAt: readTimestamp(row.observedAt) },
    );
  });
  if (accepted.length === 0) return [];
  const acceptedIds = accepted.map((product) => product.productId);
  const stock = await tx<{ productId: string; variantId: string; inventoryQuantity: number | null }[]>`
    select product_id as "productId", variant_id as "variantId", inventory_quantity as "inventoryQuantity"
    from shopify.product_variants
    where connection_id = ${target.connectionId} and product_id = any(${pgArray(acceptedIds)}::text[])`;
  const products_ = JSON.stringify(
    accepted.map((product) => ({
      product_id: product.productId,
      title: product.title,
      handle: product.handle,
      description: product.description,
      status: product.status,
      vendor: product.vendor,
      product_type: product.productType,
      tags: product.tags,
      created_at: product.createdAt?.toISOString() ?? null,
      updated_at: product.updatedAt.toISOString(),
    })),
  );
  await tx`
    insert into shopify.products (connection_id, product_id, workspace_id, title, handle, description,
      status, vendor, product_type, tags, created_at, updated_at, observed_at, mirrored_at)
    select ${target.connectionId}, p.product_id, ${target.workspaceId}, p.title, p.handle, p.description,
      p.status, p.vendor, p.product_type, array(select jsonb_array_elements_text(p.tags)), p.created_at,
      p.updated_at, ${observedAt.toISOString()}::timestamptz, now()
    from jsonb_to_recordset(${products_}::text::jsonb) as p(product_id text, title text, handle text,
      description text, status text, vendor text, product_type text, tags jsonb, created_at timestamptz,
      updated_at timestamptz)
    order by p.product_id
    on conflict (connection_id, product_id) do update set
      title = excluded.title, handle = excluded.handle, description = excluded.description,
      status = excluded.status, vendor = excluded.vendor, product_type = excluded.product_type,
      tags = excluded.tags, created_at = coalesce(excluded.created_at, products.created_at),
      updated_at = excluded.updated_at, observed_at = excluded.observed_at, mirrored_at = now()`;
  // Variants still in each product: those detailed, plus those only named (beyond Shopify's first 100).
  const kept = accepted.flatMap((product) =>
    (product.allVariantIds ?? product.variants.map((variant) => variant.variantId)).map((variantId) => ({
      product_id: product.productId,
      variant_id: variantId,
    })),
  );
  await tx`
    delete from shopify.product_variants as v
    where v.connection_id = ${target.connectionId} and v.product_id = any(${pgArray(acceptedIds)}::text[])
      and not exists (
        select 1 from jsonb_to_recordset(${JSON.stringify(kept)}::text::jsonb) as k(product_id text, variant_id text)
        where k.product_id = v.product_id and k.variant_id = v.variant_id)`;
  const variants = JSON.stringify(
    accepted.flatMap((product) =>
      product.variants.map((variant) => ({
        variant_id: variant.variantId,
        product_id: product.productId,
        title: variant.title,
        sku: variant.sku,
        price: variant.price,
        inventory_quantity: variant.inventoryQuantity,
        position: variant.position,
      })),
    ),
  );
  await tx`
    insert into shopify.product_variants (connection_id, variant_id, product_id, title, sku, price,
      inventory_quantity, position)
    select ${target.connectionId}, v.variant_id, v.product_id, v.title, v.sku, v.price, v.inventory_quantity,
      v.position
    from jsonb_to_recordset(${variants}::text::jsonb) as v(variant_id text, product_id text, title text,
      sku text, price numeric, inventory_quantity integer, position integer)
    order by v.variant_id
    on conflict (connection_id, variant_id) do update set
      product_id = excluded.product_id, title = excluded.title, sku = excluded.sku, price = excluded.price,
      inventory_quantity = excluded.inventory_quantity, position = excluded.position`;
  return accepted.map((product) => {
    if (!byId.has(product.productId)) return { stockBefore: null, after: product };
    const before = new Map<string, number | null>();
    for (const row of stock)
      if (row.productId === product.productId) before.set(row.variantId, row.inventoryQuantity);
    return { stockBefore: before, after: product };
  });
}
