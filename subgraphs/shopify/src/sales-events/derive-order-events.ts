import { ionfluxOrderFromMirror } from '../mapping/index.ts';
import { type AppliedOrder, compareDecimal, type MirrorTarget } from '../mirror/index.ts';
import type { SalesEvent, SalesEventKind } from './sales-event.ts';
import { salesEventId } from './sales-event-id.ts';

/** Financial statuses that mean the order has been paid (a refund after payment stays "paid"). */
const PAID = new Set(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/**
 * The events one applied order version raises, from the difference to what the mirror held: a new
 * order (and HIGH_VALUE_ORDER when its total is at or above the brand's threshold), a move into a paid
 * status (PAID, or straight to a refunded one) or into FULFILLED, and one ORDER_REFUNDED per refund not
 * seen before. A version equal to what is stored is
 * never applied, so a duplicate raises nothing.
 */
export function deriveOrderEvents(
  applied: AppliedOrder,
  target: MirrorTarget,
  highValueThreshold: string | null,
): SalesEvent[] {
  const { before, after } = applied;
  const order = ionfluxOrderFromMirror(after, target.connectionId);
  const version = after.updatedAt.toISOString();
  const events: SalesEvent[] = [];
  const raise = (kind: SalesEventKind, subject: string, occurredAt: Date, threshold: string | null = null) =>
    events.push({
      id: salesEventId(target.connectionId, kind, subject, kind === 'NEW_ORDER' ? '' : version),
      kind,
      occurredAt,
      connectionId: target.connectionId,
      brandId: target.brandId,
      workspaceId: target.workspaceId,
      order,
      product: null,
      variant: null,
      threshold,
    });
  if (!before) {
    raise('NEW_ORDER', after.orderId, after.createdAt);
    if (highValueThreshold !== null && compareDecimal(after.totalPrice, highValueThreshold) >= 0) {
      raise('HIGH_VALUE_ORDER', after.orderId, after.createdAt, highValueThreshold);
    }
  }
  // First seen already refunded, the order was paid too: the payment is announced whichever version
  // arrived first.
  const wasPaid = before !== null && PAID.has(before.financialStatus ?? '');
  if (PAID.has(after.financialStatus ?? '') && !wasPaid) raise('ORDER_PAID', after.orderId, after.updatedAt);
  if (after.fulfillmentStatus === 'FULFILLED' && before?.fulfillmentStatus !== 'FULFILLED') {
    raise('ORDER_FULFILLED', after.orderId, after.updatedAt);
  }
  const known = new Set(before?.refundIds ?? []);
  for (const refundId of after.refundIds) {
    if (!known.has(refundId)) raise('ORDER_REFUNDED', refundId, after.updatedAt);
  }
  return events;
}
