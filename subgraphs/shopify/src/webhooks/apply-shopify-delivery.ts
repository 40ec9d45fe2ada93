import type { Sql } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';
import type { JobQueue } from '@ionflux/kit/jobs';
import type { Logger } from '@ionflux/kit/logging';
import type { WebhookDeliveryRow } from '@ionflux/kit/webhooks';
import { applyShop, type MirrorTx, orderFromRest, productFromRest, shopFromRest } from '../mirror/index.ts';
import { recordOrders, recordProducts } from '../sales-events/index.ts';
import { ORDER_REFRESH_TASK, orderRefreshJob } from '../sync/order-refresh-job.ts';
import { applyAppUninstalled } from './apply-app-uninstalled.ts';
import { applyPrivacyRequest } from './apply-privacy-request.ts';
import { connectionsOfShop } from './connections-of-shop.ts';
import { ORDER_TOPICS, PRIVACY_TOPICS, PRODUCT_TOPICS } from './webhook-topics.ts';

export interface DeliveryDeps {
  sql: Sql;
  bus: EventBus;
  queue: JobQueue;
  logger: Logger;
}

/** The outcome of applying one delivery, for the log. */
export type DeliveryOutcome =
  | { topic: string; kind: 'mirrored'; connections: number; applied: number; events: number }
  | { topic: string; kind: 'uninstalled'; disconnected: number }
  | { topic: string; kind: 'privacy'; result: Record<string, unknown> }
  | { topic: string; kind: 'ignored'; reason: string };

/**
 * Applies one stored Shopify delivery, by topic, in one transaction with the events it raises: orders,
 * products and the shop go to the mirror of every connection of the store (only when newer than what
 * is stored); `app/uninstalled` disconnects the store and deletes its mirror; the privacy topics export
 * or delete. A payload the mirror cannot read throws (the delivery is retried, then dead-lettered).
 */
export async function applyShopifyDelivery(
  deps: DeliveryDeps,
  delivery: WebhookDeliveryRow,
): Promise<DeliveryOutcome> {
  const { topic } = delivery;
  const shop = delivery.accountId;
  if (!shop) return { topic, kind: 'ignored', reason: 'the delivery names no shop' };
  if (topic === 'app/uninstalled') {
    return { topic, kind: 'uninstalled', disconnected: await applyAppUninstalled(deps, shop) };
  }
  if (PRIVACY_TOPICS.has(topic)) {
    return { topic, kind: 'privacy', result: await applyPrivacyRequest(deps, delivery, shop) };
  }
  const triggeredAt = triggerTime(delivery);
  if (ORDER_TOPICS.has(topic)) {
    const mapped = orderFromRest(delivery.payload);
    if (!mapped.ok) throw new Error(`the ${topic} payload cannot be mirrored: ${mapped.reason}`);
    return mirror(deps, shop, topic, async (tx, target) => {
      const recorded = await recordOrders(tx, deps.bus, target, [mapped.value], {
        observedAt: triggeredAt,
        raiseEvents: true,
      });
      // A refund stated in the buyer's currency was converted; the Admin API's exact figure replaces it.
      if (recorded.applied.some((order) => order.refundsEstimated)) {
        const job = orderRefreshJob(target.connectionId, mapped.value.orderId);
        await deps.queue.enqueue(ORDER_REFRESH_TASK, job.payload, { jobKey: job.key, tx });
      }
      return recorded;
    });
  }
  if (PRODUCT_TOPICS.has(topic)) {
    const mapped = productFromRest(delivery.payload, triggeredAt);
    if (!mapped.ok) throw new Error(`the ${topic} payload cannot be mirrored: ${mapped.reason}`);
    return mirror(deps, shop, topic, (tx, target) =>
      recordProducts(tx, deps.bus, target, [mapped.value], { observedAt: triggeredAt, raiseEvents: true }),
    );
  }
  if (topic === 'shop/update') {
    const mapped = shopFromRest(delivery.payload, triggeredAt);
    if (!mapped.ok) throw new Error(`the ${topic} payload cannot be mirrored: ${mapped.reason}`);
    return mirror(deps, shop, topic, async (tx, target) => ({
      applied: (await applyShop(tx, target, mapped.value, triggeredAt)) ? [mapped.value] : [],
      events: [],
    }));
  }
  return { topic, kind: 'ignored', reason: 'a topic the mirror does not use' };
}

async function mirror(
  deps: DeliveryDeps,
  shop: string,
  topic: string,
  apply: (
    tx: MirrorTx,
    target: Awaited<ReturnType<typeof connectionsOfShop>>[number],
  ) => Promise<{ applied: unknown[]; events: unknown[] }>,
): Promise<DeliveryOutcome> {
  return deps.sql.begin(async (tx) => {
    const targets = await connectionsOfShop(tx, shop);
    let applied = 0;
    let events = 0;
    for (const target of targets) {
      const result = await apply(tx, target);
      applied += result.applied.length;
      events += result.events.length;
    }
    return { topic, kind: 'mirrored', connections: targets.length, applied, events } as const;
  });
}

/** `X-Shopify-Triggered-At` of the delivery (kept with it), else when it was received. */
function triggerTime(delivery: WebhookDeliveryRow): Date {
  const header = (delivery.headers as Record<string, string>)['x-shopify-triggered-at'];
  const parsed = header ? new Date(header) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : delivery.receivedAt;
}
