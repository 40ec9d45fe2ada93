import type { EventBus } from '@ionflux/kit/events';
import { copyEventTrace, subscribeIterator } from '@ionflux/kit/events';
import { compareDecimal } from '../mirror/index.ts';
import type { SalesEvent } from './sales-event.ts';
import { salesEventsTopic } from './sales-event.ts';

/** A published event after its JSON round trip, with its dates restored. */
function reviveEvent(payload: SalesEvent): SalesEvent {
  const date = (value: Date | string) => new Date(value);
  return {
    ...payload,
    occurredAt: date(payload.occurredAt),
    order: payload.order && {
      ...payload.order,
      createdAt: date(payload.order.createdAt),
      processedAt: date(payload.order.processedAt),
      cancelledAt: payload.order.cancelledAt === null ? null : date(payload.order.cancelledAt),
    },
    product: payload.product && {
      ...payload.product,
      createdAt: date(payload.product.createdAt),
      updatedAt: date(payload.product.updatedAt),
    },
  };
}

/**
 * `Subscription.shopifySalesEvents`: the brand's events in the caller's workspace, on every instance (the
 * bus). With `minOrderValue`, order events whose order total is below it are dropped here, before any
 * further resolution; LOW_INVENTORY passes.
 */
export function subscribeSalesEvents(
  bus: EventBus,
  workspaceId: string,
  brandId: string,
  minOrderValue: string | null,
): AsyncIterableIterator<{ shopifySalesEvents: SalesEvent }> {
  const events = subscribeIterator(bus, salesEventsTopic(workspaceId, brandId), (event) =>
    reviveEvent(event.payload as SalesEvent),
  );
  const passes = (event: SalesEvent) =>
    minOrderValue === null ||
    event.order === null ||
    compareDecimal(event.order.totalPrice.amount, minOrderValue) >= 0;
  return {
    async next() {
      for (;;) {
        const result = await events.next();
        if (result.done) return { done: true, value: undefined };
        if (passes(result.value)) {
          // The event's trace context (tracing on) goes with the value the subscription executes.
          return { done: false, value: copyEventTrace(result.value, { shopifySalesEvents: result.value }) };
        }
      }
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
