import type { EventBus } from '@ionflux/kit/events';
import {
  applyOrders,
  applyProducts,
  type MirrorOrder,
  type MirrorProduct,
  type MirrorTarget,
  type MirrorTx,
} from '../mirror/index.ts';
import { highValueThresholdOf, inventoryThresholdsOf, shopCurrencyOf } from './alert-settings.ts';
import { deriveInventoryEvents } from './derive-inventory-events.ts';
import { deriveOrderEvents } from './derive-order-events.ts';
import { type SalesEvent, salesEventsTopic } from './sales-event.ts';

export interface RecordOptions {
  /** When the versions were seen at Shopify (see `ObservedAt` in ../mirror). */
  observedAt: Date;
  /**
   * Publish Sales Sentinel events for the changes (webhooks, reconciliation); off for a connection's
   * first backfill, whose history is not news.
   */
  raiseEvents: boolean;
}

export interface RecordedChanges<T> {
  applied: T[];
  events: SalesEvent[];
}

/**
 * Applies orders to the mirror and publishes the events their changes raise, all in `tx`: the events
 * exist exactly when the change commits, and a version already applied raises nothing, so each
 * underlying change is announced once however often it is delivered.
 */
export async function recordOrders(
  tx: MirrorTx,
  bus: EventBus,
  target: MirrorTarget,
  orders: readonly MirrorOrder[],
  options: RecordOptions,
): Promise<RecordedChanges<MirrorOrder>> {
  const applied = await applyOrders(tx, target, orders, options.observedAt);
  if (!options.raiseEvents || applied.length === 0)
    return { applied: applied.map((a) => a.after), events: [] };
  const threshold = await highValueThresholdOf(tx, target.workspaceId, target.brandId);
  const events = applied.flatMap((change) => deriveOrderEvents(change, target, threshold));
  await publishAll(tx, bus, target, events);
  return { applied: applied.map((a) => a.after), events };
}

/** Applies products to the mirror and publishes LOW_INVENTORY for key products that fell low, in `tx`. */
export async function recordProducts(
  tx: MirrorTx,
  bus: EventBus,
  target: MirrorTarget,
  products: readonly MirrorProduct[],
  options: RecordOptions,
): Promise<RecordedChanges<MirrorProduct>> {
  const applied = await applyProducts(tx, target, products, options.observedAt);
  if (!options.raiseEvents || applied.length === 0)
    return { applied: applied.map((a) => a.after), events: [] };
  const thresholds = await inventoryThresholdsOf(
    tx,
    target.connectionId,
    applied.map((change) => change.after.productId),
  );
  if (thresholds.size === 0) return { applied: applied.map((a) => a.after), events: [] };
  const currency = await shopCurrencyOf(tx, target.connectionId);
  const events = applied.flatMap((change) =>
    deriveInventoryEvents(change, target, thresholds.get(change.after.productId), currency),
  );
  await publishAll(tx, bus, target, events);
  return { applied: applied.map((a) => a.after), events };
}

async function publishAll(tx: MirrorTx, bus: EventBus, target: MirrorTarget, events: SalesEvent[]) {
  const topic = salesEventsTopic(target.workspaceId, target.brandId);
  for (const event of events) await bus.publish(topic, event, { tx });
}
