import type { AdminMirrorLineItem, AdminMirrorOrder } from '../admin-api/index.ts';
import type { MirroredLineItem, MirrorOrder } from './mirror-records.ts';

/** An Order read from the Admin API (page, refresh or bulk lines) as a mirror order; amounts exact. */
export function orderFromAdmin(
  order: AdminMirrorOrder,
  lineItems: readonly AdminMirrorLineItem[],
): MirrorOrder {
  return {
    orderId: order.id,
    name: order.name,
    createdAt: new Date(order.createdAt),
    updatedAt: new Date(order.updatedAt),
    processedAt: order.processedAt ? new Date(order.processedAt) : null,
    cancelledAt: order.cancelledAt ? new Date(order.cancelledAt) : null,
    test: order.test,
    financialStatus: order.displayFinancialStatus,
    fulfillmentStatus: order.displayFulfillmentStatus,
    currency: order.currencyCode,
    presentmentCurrency: order.presentmentCurrencyCode,
    totalPrice: order.totalPriceSet.shopMoney.amount,
    currentTotalPrice: order.currentTotalPriceSet.shopMoney.amount,
    totalRefunded: order.totalRefundedSet.shopMoney.amount,
    refundsEstimated: false,
    subtotalPrice: order.subtotalPriceSet?.shopMoney.amount ?? null,
    totalTax: order.totalTaxSet?.shopMoney.amount ?? null,
    totalDiscounts: order.totalDiscountsSet?.shopMoney.amount ?? null,
    totalShipping: order.totalShippingPriceSet?.shopMoney.amount ?? null,
    presentmentTotalPrice: order.totalPriceSet.presentmentMoney?.amount ?? null,
    presentmentCurrentTotalPrice: order.currentTotalPriceSet.presentmentMoney?.amount ?? null,
    presentmentTotalRefunded: order.totalRefundedSet.presentmentMoney?.amount ?? null,
    refundIds: order.refunds.map((refund) => refund.id),
    lineItems: lineItems.map(lineItemFromAdmin),
  };
}

function lineItemFromAdmin(line: AdminMirrorLineItem): MirroredLineItem {
  return {
    id: line.id,
    productId: line.product?.id ?? null,
    variantId: line.variant?.id ?? null,
    title: line.title,
    sku: line.sku,
    quantity: line.quantity,
    price: line.originalUnitPriceSet.shopMoney.amount,
    totalDiscount: line.totalDiscountSet?.shopMoney.amount ?? '0',
  };
}
