import { orderTotals } from './order-totals.ts';
import type { ShopState } from './shop-state.ts';

export interface CustomerStats {
  orders: number;
  spentCents: number;
  lastOrderId: number | null;
  orderIds: number[];
}

const cache = new WeakMap<ShopState, { version: number; stats: Map<number, CustomerStats> }>();

/** Order count, lifetime spend and order ids per customer, rebuilt when the shop's orders change. */
export function customerStats(shop: ShopState): Map<number, CustomerStats> {
  const cached = cache.get(shop);
  if (cached && cached.version === shop.orders.version) return cached.stats;
  const stats = new Map<number, CustomerStats>();
  for (const order of shop.orders) {
    if (order.customerId === null) continue;
    const entry = stats.get(order.customerId) ?? {
      orders: 0,
      spentCents: 0,
      lastOrderId: null,
      orderIds: [],
    };
    entry.orders++;
    if (!order.cancelledAt && !order.test) entry.spentCents += orderTotals(order).currentTotal;
    entry.lastOrderId = order.id;
    entry.orderIds.push(order.id);
    stats.set(order.customerId, entry);
  }
  cache.set(shop, { version: shop.orders.version, stats });
  return stats;
}
