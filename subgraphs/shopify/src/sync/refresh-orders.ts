import {
  type AdminMirrorLineItem,
  MIRROR_MORE_LINES,
  mirrorOrderQuery,
  orderLineItemsQuery,
} from '../admin-api/index.ts';
import { type MirrorOrder, orderFromAdmin } from '../mirror/index.ts';
import { applyBatch } from './apply-batch.ts';
import type { SyncContext } from './sync-context.ts';

/** Reads orders one by one from the Admin API (exact amounts, every line) and applies them. */
export async function refreshOrders(
  context: Omit<SyncContext, 'checkpoint'>,
  orderIds: readonly string[],
): Promise<void> {
  const orders: MirrorOrder[] = [];
  const observedAt = new Date();
  for (const id of orderIds) {
    const { order } = await context.session.request(mirrorOrderQuery, { id, lineItems: MIRROR_MORE_LINES });
    if (!order) continue;
    const lines = [...order.lineItems.nodes];
    let more = order.lineItems.pageInfo;
    while (more.hasNextPage) {
      const rest = await context.session.request(orderLineItemsQuery, {
        id,
        after: more.endCursor,
        first: MIRROR_MORE_LINES,
      });
      if (!rest.order) break;
      lines.push(...(rest.order.lineItems.nodes as AdminMirrorLineItem[]));
      more = rest.order.lineItems.pageInfo;
    }
    orders.push(orderFromAdmin(order, lines));
  }
  await applyBatch(context, { orders, observedAt });
}
