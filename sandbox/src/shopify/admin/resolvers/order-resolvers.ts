import { toGid } from '../../data/gid.ts';
import { orderTotals } from '../../data/order-totals.ts';
import type { AddressRecord, LineItemRecord, OrderRecord, RefundRecord } from '../../data/records.ts';
import { arraySequence, paginate } from '../connection.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { iso, moneyBag } from './values.ts';

interface LineValue {
  line: LineItemRecord;
  order: OrderRecord;
}

interface RefundValue {
  refund: RefundRecord;
  order: OrderRecord;
}

export function addressValue(address: AddressRecord, id: number) {
  return { ...address, id, name: `${address.firstName} ${address.lastName}`, company: null, address2: null };
}

type AddressValue = ReturnType<typeof addressValue>;

const refundedQuantity = (order: OrderRecord, lineId: number): number =>
  order.refunds.reduce(
    (sum, r) => sum + r.lineItems.filter((l) => l.lineItemId === lineId).reduce((s, l) => s + l.quantity, 0),
    0,
  );

const bag = (pick: (t: ReturnType<typeof orderTotals>) => number) => (o: OrderRecord) =>
  moneyBag(pick(orderTotals(o)), o);

const order: TypeResolvers<OrderRecord> = {
  id: (o) => toGid('Order', o.id),
  legacyResourceId: (o) => String(o.id),
  name: (o) => `#${o.number}`,
  phone: () => null,
  confirmed: () => true,
  closed: (o) => o.closedAt !== null,
  closedAt: (o) => iso(o.closedAt),
  createdAt: (o) => iso(o.createdAt),
  updatedAt: (o) => iso(o.updatedAt),
  processedAt: (o) => iso(o.processedAt),
  cancelledAt: (o) => iso(o.cancelledAt),
  currencyCode: () => 'USD',
  presentmentCurrencyCode: (o) => o.presentmentCurrency,
  displayFinancialStatus: (o) => o.financialStatus,
  displayFulfillmentStatus: (o) => o.fulfillmentStatus,
  fullyPaid: (o) => ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(o.financialStatus),
  unpaid: (o) => o.financialStatus === 'PENDING' || o.financialStatus === 'AUTHORIZED',
  customerLocale: () => 'en',
  taxesIncluded: () => false,
  discountCode: (o) => o.discountCodes[0] ?? null,
  paymentGatewayNames: (o) => [o.gateway],
  customer: (o, _args, context) =>
    o.customerId === null ? null : (context.shop.customer(o.customerId) ?? null),
  billingAddress: (o) => (o.shippingAddress ? addressValue(o.shippingAddress, o.id) : null),
  shippingAddress: (o) => (o.shippingAddress ? addressValue(o.shippingAddress, o.id + 1) : null),
  lineItems: (o, args, context) =>
    paginate(
      arraySequence(
        o.lineItems.map((line) => ({ id: line.id, line, order: o })),
        args.reverse === true,
      ),
      args,
      {
        idOf: (l) => l.id,
        unbounded: context.bulk,
      },
    ),
  refunds: (o, args) =>
    o.refunds
      .slice(0, typeof args.first === 'number' ? args.first : undefined)
      .map((refund) => ({ refund, order: o })),
  subtotalLineItemsQuantity: (o) => orderTotals(o).lineItemsQuantity,
  currentSubtotalLineItemsQuantity: (o) =>
    o.lineItems.reduce((sum, line) => sum + line.quantity - refundedQuantity(o, line.id), 0),
  subtotalPriceSet: bag((t) => t.subtotal),
  totalPriceSet: bag((t) => t.total),
  originalTotalPriceSet: bag((t) => t.total),
  totalTaxSet: bag((t) => t.tax),
  totalDiscountsSet: bag((t) => t.discounts),
  totalShippingPriceSet: bag((t) => t.shipping),
  totalRefundedSet: bag((t) => t.refunded),
  totalReceivedSet: bag((t) => t.received),
  totalOutstandingSet: bag((t) => t.outstanding),
  netPaymentSet: bag((t) => t.received - t.refunded),
  currentSubtotalPriceSet: bag((t) => t.currentSubtotal),
  currentTotalPriceSet: bag((t) => t.currentTotal),
  currentTotalTaxSet: bag((t) => t.currentTax),
  currentTotalDiscountsSet: bag((t) => t.discounts),
};

const lineItem: TypeResolvers<LineValue> = {
  id: (l) => toGid('LineItem', l.line.id),
  name: (l) => (l.line.variantTitle ? `${l.line.title} - ${l.line.variantTitle}` : l.line.title),
  title: (l) => l.line.title,
  quantity: (l) => l.line.quantity,
  currentQuantity: (l) => l.line.quantity - refundedQuantity(l.order, l.line.id),
  refundableQuantity: (l) =>
    l.order.cancelledAt ? 0 : l.line.quantity - refundedQuantity(l.order, l.line.id),
  sku: (l) => l.line.sku,
  variantTitle: (l) => l.line.variantTitle,
  vendor: (l) => l.line.vendor,
  product: (l, _args, context) => context.shop.product(l.line.productId) ?? null,
  variant: (l, _args, context) => context.shop.variant(l.line.variantId) ?? null,
  image: (l, _args, context) => context.shop.product(l.line.productId)?.images[0] ?? null,
  taxable: () => true,
  requiresShipping: () => true,
  isGiftCard: () => false,
  originalUnitPriceSet: (l) => moneyBag(l.line.priceCents, l.order),
  discountedUnitPriceSet: (l) =>
    moneyBag(l.line.priceCents - Math.round(l.line.discountCents / l.line.quantity), l.order),
  originalTotalSet: (l) => moneyBag(l.line.priceCents * l.line.quantity, l.order),
  discountedTotalSet: (l) => moneyBag(l.line.priceCents * l.line.quantity - l.line.discountCents, l.order),
  totalDiscountSet: (l) => moneyBag(l.line.discountCents, l.order),
};

const refund: TypeResolvers<RefundValue> = {
  id: (r) => toGid('Refund', r.refund.id),
  legacyResourceId: (r) => String(r.refund.id),
  createdAt: (r) => iso(r.refund.createdAt),
  updatedAt: (r) => iso(r.refund.createdAt),
  note: (r) => r.refund.note,
  order: (r) => r.order,
  totalRefundedSet: (r) => moneyBag(r.refund.amountCents, r.order),
};

const mailingAddress: TypeResolvers<AddressValue> = {
  id: (a) => `gid://shopify/MailingAddress/${a.id}?model_name=Address`,
  countryCodeV2: (a) => a.countryCode,
};

export const orderResolvers: ResolverMap = {
  Order: order,
  LineItem: lineItem,
  Refund: refund,
  MailingAddress: mailingAddress,
};
