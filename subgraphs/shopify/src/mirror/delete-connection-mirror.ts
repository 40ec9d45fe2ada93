import type { MirrorTx } from './mirror-target.ts';

/** Deletes everything mirrored for a connection (orders, products, rollups, the shop, thresholds, sync state). */
export async function deleteConnectionMirror(tx: MirrorTx, connectionId: string): Promise<void> {
  for (const table of [
    'order_rollups',
    'product_rollups',
    'orders',
    'product_variants',
    'products',
    'inventory_thresholds',
    'sync_states',
    'shops',
  ]) {
    await tx`delete from ${tx(`shopify.${table}`)} where connection_id = ${connectionId}`;
  }
}
