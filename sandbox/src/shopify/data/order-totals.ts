import type { OrderRecord } from './records.ts';

/** Every amount Shopify reports for an order, derived from its lines, shipping, tax and refunds (cents). */
export interface OrderTotals {
  lineItemsQuantity: number;
  originalSubtotal: number;
  discounts: number;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  refunded: number;
  currentTotal: number;
  currentSubtotal: number;
  currentTax: number;
  received: number;
  outstanding: number;
}

export function orderTotals(order: OrderRecord): OrderTotals {
  let lineItemsQuantity = 0;
  let originalSubtotal = 0;
  let discounts = 0;
  for (const line of order.lineItems) {
    lineItemsQuantity += line.quantity;
    originalSubtotal += line.priceCents * line.quantity;
    discounts += line.discountCents;
  }
  const subtotal = originalSubtotal - discounts;
  const total = subtotal + order.shippingCents + order.taxCents;
  const refunded = order.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  const currentTotal = Math.max(0, total - refunded);
  const share = total === 0 ? 0 : currentTotal / total;
  const paid = order.financialStatus !== 'PENDING' && order.financialStatus !== 'AUTHORIZED';
  const received = paid && order.financialStatus !== 'VOIDED' ? total : 0;
  return {
    lineItemsQuantity,
    originalSubtotal,
    discounts,
    subtotal,
    shipping: order.shippingCents,
    tax: order.taxCents,
    total,
    refunded,
    currentTotal,
    currentSubtotal: Math.round(subtotal * share),
    currentTax: Math.round(order.taxCents * share),
    received,
    outstanding: paid || order.cancelledAt ? 0 : total,
  };
}
