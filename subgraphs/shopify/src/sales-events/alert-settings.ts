import type { MirrorTx } from '../mirror/index.ts';
import { pgArray } from '../mirror/index.ts';

/** A brand's HIGH_VALUE_ORDER threshold (a decimal string), or null when none is set. */
export async function highValueThresholdOf(
  tx: MirrorTx,
  workspaceId: string,
  brandId: string,
): Promise<string | null> {
  const [row] = await tx<{ threshold: string | null }[]>`
    select high_value_order_threshold::text as threshold from shopify.brand_sales_alerts
    where workspace_id = ${workspaceId} and brand_id = ${brandId}`;
  return row?.threshold ?? null;
}

/** LOW_INVENTORY thresholds of those of `productIds` that are key products of the connection. */
export async function inventoryThresholdsOf(
  tx: MirrorTx,
  connectionId: string,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx<{ productId: string; threshold: number }[]>`
    select product_id as "productId", threshold from shopify.inventory_thresholds
    where connection_id = ${connectionId} and product_id = any(${pgArray([...productIds])}::text[])`;
  return new Map(rows.map((row) => [row.productId, row.threshold]));
}

/** The shop currency of a connection's mirror (`USD` until the shop has been read). */
export async function shopCurrencyOf(tx: MirrorTx, connectionId: string): Promise<string> {
  const [row] = await tx<{ currency: string | null }[]>`
    select currency from shopify.shops where connection_id = ${connectionId}`;
  return row?.currency ?? 'USD';
}
