import { scaleDecimal, sumDecimals } from './decimal.ts';
import { describeIssue, type MappingResult } from './mapping-result.ts';
import { type MirroredLineItem, type MirrorOrder, toGid } from './mirror-records.ts';
import { type RestLineItem, type RestOrder, restOrder } from './rest-payload-schemas.ts';

/** REST `fulfillment_status` → the Admin API's display status (null means nothing fulfilled yet). */
const FULFILLMENT: Record<string, string> = {
  fulfilled: 'FULFILLED',
  partial: 'PARTIALLY_FULFILLED',
  restocked: 'RESTOCKED',
  unfulfilled: 'UNFULFILLED',
};

/**
 * An `orders/*` webhook payload (Shopify's REST Order) as a mirror order. Money is the shop currency:
 * `*_set.shop_money` where given, else the REST amount (which REST gives in shop currency). Customer
 * fields are not read. Refunds: successful refund transactions, which Shopify states in the buyer's
 * currency; when that is not the shop's, the amount is converted with the order's own rate
 * (`total_price_set` shop / presentment) and marked estimated, to be replaced by an Admin read.
 */
export function orderFromRest(payload: unknown): MappingResult<MirrorOrder> {
  const parsed = restOrder.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error) };
  const order = parsed.data;
  const orderId = order.admin_graphql_api_id ?? (order.id == null ? undefined : toGid('Order', order.id));
  if (!orderId) return { ok: false, reason: 'the order has neither admin_graphql_api_id nor id' };
  const shop = (set: RestOrder['total_price_set'], fallback: string | null | undefined) =>
    set?.shop_money.amount ?? fallback ?? null;
  const presentment = (set: RestOrder['total_price_set']) => set?.presentment_money?.amount ?? null;
  const totalPrice = shop(order.total_price_set, order.total_price) ?? order.total_price;
  const refunds = refundTotals(order, totalPrice);
  const status = order.fulfillment_status?.toLowerCase();
  return {
    ok: true,
    value: {
      orderId,
      name: order.name,
      createdAt: new Date(order.created_at),
      updatedAt: new Date(order.updated_at),
      processedAt: order.processed_at ? new Date(order.processed_at) : null,
      cancelledAt: order.cancelled_at ? new Date(order.cancelled_at) : null,
      test: order.test ?? false,
      financialStatus: order.financial_status ? order.financial_status.toUpperCase() : null,
      fulfillmentStatus: status ? (FULFILLMENT[status] ?? status.toUpperCase()) : 'UNFULFILLED',
      currency: order.currency,
      presentmentCurrency: order.presentment_currency ?? null,
      totalPrice,
      currentTotalPrice: shop(order.current_total_price_set, order.current_total_price) ?? totalPrice,
      totalRefunded: refunds.shop,
      refundsEstimated: refunds.estimated,
      subtotalPrice: shop(order.subtotal_price_set, order.subtotal_price),
      totalTax: shop(order.total_tax_set, order.total_tax),
      totalDiscounts: shop(order.total_discounts_set, order.total_discounts),
      totalShipping: shop(order.total_shipping_price_set, null),
      presentmentTotalPrice: presentment(order.total_price_set),
      presentmentCurrentTotalPrice: presentment(order.current_total_price_set),
      presentmentTotalRefunded: refunds.presentment,
      refundIds: (order.refunds ?? []).flatMap((refund) => {
        const id = refund.admin_graphql_api_id ?? (refund.id == null ? null : toGid('Refund', refund.id));
        return id ? [id] : [];
      }),
      lineItems: order.line_items.map(lineItemFromRest),
    },
  };
}

function lineItemFromRest(line: RestLineItem, index: number): MirroredLineItem {
  return {
    id: line.admin_graphql_api_id ?? (line.id == null ? `line-${index}` : toGid('LineItem', line.id)),
    productId: line.product_id == null ? null : toGid('Product', line.product_id),
    variantId: line.variant_id == null ? null : toGid('ProductVariant', line.variant_id),
    title: line.title ?? line.name ?? '',
    sku: line.sku ?? null,
    quantity: line.quantity,
    price: line.price_set?.shop_money.amount ?? line.price ?? '0',
    totalDiscount: line.total_discount_set?.shop_money.amount ?? line.total_discount ?? '0',
  };
}

function refundTotals(
  order: RestOrder,
  totalPrice: string,
): { shop: string; presentment: string | null; estimated: boolean } {
  const shopCurrency = order.currency;
  const buyerCurrency = order.presentment_currency ?? shopCurrency;
  const shopParts: string[] = [];
  const buyerParts: string[] = [];
  let estimated = false;
  for (const refund of order.refunds ?? []) {
    for (const transaction of refund.transactions ?? []) {
      if (transaction.kind !== 'refund' || transaction.status !== 'success' || !transaction.amount) continue;
      // Shopify states refund transactions in the buyer's currency; its documented example leaves
      // `currency` null there.
      const currency = transaction.currency ?? buyerCurrency;
      if (currency === buyerCurrency) buyerParts.push(transaction.amount);
      if (currency === shopCurrency) {
        shopParts.push(transaction.amount);
        continue;
      }
      const shopTotal = order.total_price_set?.shop_money.amount ?? totalPrice;
      const buyerTotal = order.total_price_set?.presentment_money?.amount;
      if (currency === buyerCurrency && buyerTotal && Number(buyerTotal) !== 0) {
        const scale = shopTotal.includes('.') ? shopTotal.length - shopTotal.indexOf('.') - 1 : 0;
        shopParts.push(scaleDecimal(transaction.amount, shopTotal, buyerTotal, scale));
      }
      estimated = true;
    }
  }
  return {
    shop: sumDecimals(shopParts.length > 0 ? shopParts : ['0.00']),
    presentment: buyerParts.length > 0 ? sumDecimals(buyerParts) : null,
    estimated,
  };
}
