import type { MirrorOrder, MirrorProduct } from '../mirror/index.ts';
import { recordOrders, recordProducts } from '../sales-events/index.ts';
import { stillMirrored } from './load-sync-connection.ts';
import { type SyncContext, SyncStopped } from './sync-context.ts';
import { type SyncCheckpoint, saveCheckpoint } from './sync-state.ts';

/**
 * Applies one batch read from the store (seen at `batch.observedAt`, when its read began) and saves
 * the checkpoint that follows it, in one transaction: after a crash the run resumes exactly after the last batch that committed. Without
 * `next` (a refresh outside a run) no checkpoint is written.
 */
export async function applyBatch(
  context: Omit<SyncContext, 'checkpoint'> & { checkpoint?: SyncCheckpoint },
  batch: { orders?: MirrorOrder[]; products?: MirrorProduct[]; observedAt: Date },
  next?: SyncCheckpoint,
): Promise<void> {
  const { target } = context;
  await context.sql.begin(async (tx) => {
    if (!(await stillMirrored(tx, target.connectionId))) throw new SyncStopped();
    const options = { observedAt: batch.observedAt, raiseEvents: context.raiseEvents };
    if (batch.products?.length) await recordProducts(tx, context.bus, target, batch.products, options);
    if (batch.orders?.length) await recordOrders(tx, context.bus, target, batch.orders, options);
    if (next) await saveCheckpoint(tx, target.connectionId, next);
  });
  if (next) context.checkpoint = next;
}
