import {
  MIRROR_LINE_ITEM_SELECTION,
  MIRROR_ORDER_SELECTION,
  MIRROR_PRODUCT_SELECTION,
  MIRROR_VARIANT_SELECTION,
} from '../admin-api/index.ts';

/** What a sync step reads: the store's products (with variants) or orders (with line items). */
export type SyncKind = 'products' | 'orders';

/** Shopify's search filter of a run that reads changes since a time (none: everything). */
export function updatedSinceFilter(since: string | null): string | null {
  return since === null ? null : `updated_at:>='${since}'`;
}

/**
 * The bulk query of a step (reference/shopify.md §1: one top-level connection, nesting at most 2; no cost
 * limit, so every line item and variant comes, each on its own JSONL line with `__parentId`).
 */
export function bulkQueryFor(kind: SyncKind, since: string | null): string {
  const filter = updatedSinceFilter(since);
  const args = filter === null ? '' : `(query: ${JSON.stringify(filter)})`;
  if (kind === 'products') {
    return `{ products${args} { edges { node { ${MIRROR_PRODUCT_SELECTION.trim()} variants { edges { node { ${MIRROR_VARIANT_SELECTION.trim()} } } } } } } }`;
  }
  return `{ orders${args} { edges { node { ${MIRROR_ORDER_SELECTION.replace(/\s+/g, ' ').trim()} lineItems { edges { node { ${MIRROR_LINE_ITEM_SELECTION.replace(/\s+/g, ' ').trim()} } } } } } } }`;
}
