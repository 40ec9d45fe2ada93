import { ionfluxProductFromMirror } from '../mapping/index.ts';
import type { AppliedProduct, MirrorTarget } from '../mirror/index.ts';
import type { SalesEvent } from './sales-event.ts';
import { salesEventId } from './sales-event-id.ts';

/**
 * LOW_INVENTORY for each variant of a key product (one with a threshold) whose stock is now below the
 * threshold and was not before: once per crossing, however often the product is updated while low.
 */
export function deriveInventoryEvents(
  applied: AppliedProduct,
  target: MirrorTarget,
  threshold: number | undefined,
  shopCurrency: string,
): SalesEvent[] {
  if (threshold === undefined) return [];
  const { after, stockBefore } = applied;
  const product = ionfluxProductFromMirror(after, target.connectionId, shopCurrency);
  const events: SalesEvent[] = [];
  for (const variant of after.variants) {
    const now = variant.inventoryQuantity;
    if (now === null || now >= threshold) continue;
    const was = stockBefore?.get(variant.variantId);
    if (was !== undefined && was !== null && was < threshold) continue;
    events.push({
      id: salesEventId(
        target.connectionId,
        'LOW_INVENTORY',
        variant.variantId,
        after.updatedAt.toISOString(),
      ),
      kind: 'LOW_INVENTORY',
      occurredAt: after.updatedAt,
      connectionId: target.connectionId,
      brandId: target.brandId,
      workspaceId: target.workspaceId,
      order: null,
      product,
      variant: {
        id: variant.variantId,
        title: variant.title,
        sku: variant.sku,
        price: { amount: variant.price, currencyCode: shopCurrency },
        inventoryQuantity: now,
      },
      threshold: String(threshold),
    });
  }
  return events;
}
