import { toGid } from '../data/gid.ts';
import { convert, toDecimal } from '../data/money.ts';
import { orderTotals } from '../data/order-totals.ts';
import type { AddressRecord, OrderRecord, RefundRecord } from '../data/records.ts';
import type { ShopState } from '../data/shop-state.ts';
import { customerPayload } from './customer-payload.ts';
import { restTime } from './rest-time.ts';

/** A REST price set: `{shop_money:{amount,currency_code}, presentment_money:{…}}`. */
export function priceSet(cents: number, order: OrderRecord) {
  return {
    shop_money: { amount: toDecimal(cents), currency_code: 'USD' },
    presentment_money: {
      amount: toDecimal(convert(cents, order.exchangeRate)),
      currency_code: order.presentmentCurrency,
    },
  };
}

export function addressPayload(address: AddressRecord | null) {
  if (!address) return null;
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    name: `${address.firstName} ${address.lastName}`,
    address1: address.address1,
    address2: null,
    city: address.city,
    province: address.province,
    province_code: address.provinceCode,
    country: address.country,
    country_code: address.countryCode,
    zip: address.zip,
    phone: address.phone,
    company: null,
    latitude: null,
    longitude: null,
  };
}

export function refundPayload(refund: RefundRecord, order: OrderRecord) {
  return {
    id: refund.id,
    admin_graphql_api_id: toGid('Refund', refund.id),
    order_id: order.id,
    created_at: restTime(refund.createdAt),
    processed_at: restTime(refund.createdAt),
    note: refund.note,
    restock: true,
    user_id: null,
    refund_line_items: refund.lineItems.map((item, index) => {
      const line = order.lineItems.find((l) => l.id === item.lineItemId);
      const subtotal = line
        ? Math.round((line.priceCents * line.quantity - line.discountCents) * (item.quantity / line.quantity))
        : 0;
      return {
        id: refund.id * 10 + index,
        line_item_id: item.lineItemId,
        quantity: item.quantity,
        restock_type: 'return',
        subtotal: Number(toDecimal(subtotal)),
        subtotal_set: priceSet(subtotal, order),
      };
    }),
    transactions: [
      {
        id: refund.id + 1,
        kind: 'refund',
        status: 'success',
        amount: toDecimal(refund.amountCents),
        currency: 'USD',
        gateway: order.gateway,
        order_id: order.id,
        created_at: restTime(refund.createdAt),
      },
    ],
    order_adjustments: [],
  };
}

/** The REST Order resource as `orders/*` webhooks carry it. Amounts are decimal strings. */
export function orderPayload(order: OrderRecord, shop: ShopState) {
  const totals = orderTotals(order);
  const customer = order.customerId === null ? undefined : shop.customer(order.customerId);
  const set = (cents: number) => priceSet(cents, order);
  return {
    id: order.id,
    admin_graphql_api_id: toGid('Order', order.id),
    app_id: 580111,
    browser_ip: '203.0.113.7',
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    cancelled_at: restTime(order.cancelledAt),
    closed_at: restTime(order.closedAt),
    confirmation_number: `C${String(order.id).slice(-8)}`,
    confirmed: true,
    contact_email: order.email,
    created_at: restTime(order.createdAt),
    currency: 'USD',
    current_subtotal_price: toDecimal(totals.currentSubtotal),
    current_subtotal_price_set: set(totals.currentSubtotal),
    current_total_discounts: toDecimal(totals.discounts),
    current_total_discounts_set: set(totals.discounts),
    current_total_price: toDecimal(totals.currentTotal),
    current_total_price_set: set(totals.currentTotal),
    current_total_tax: toDecimal(totals.currentTax),
    current_total_tax_set: set(totals.currentTax),
    customer_locale: 'en',
    discount_codes: order.discountCodes.map((code) => ({
      code,
      amount: toDecimal(totals.discounts),
      type: 'percentage',
    })),
    email: order.email ?? '',
    estimated_taxes: false,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: order.fulfillmentStatus === 'FULFILLED' ? 'fulfilled' : null,
    gateway: order.gateway,
    name: `#${order.number}`,
    note: order.note,
    number: order.number - 1000,
    order_number: order.number,
    payment_gateway_names: [order.gateway],
    phone: null,
    presentment_currency: order.presentmentCurrency,
    processed_at: restTime(order.processedAt),
    source_name: order.sourceName,
    subtotal_price: toDecimal(totals.subtotal),
    subtotal_price_set: set(totals.subtotal),
    tags: order.tags.join(', '),
    taxes_included: false,
    test: order.test,
    token: `tok${order.id.toString(16)}`,
    total_discounts: toDecimal(totals.discounts),
    total_discounts_set: set(totals.discounts),
    total_line_items_price: toDecimal(totals.originalSubtotal),
    total_line_items_price_set: set(totals.originalSubtotal),
    total_outstanding: toDecimal(totals.outstanding),
    total_price: toDecimal(totals.total),
    total_price_set: set(totals.total),
    total_shipping_price_set: set(totals.shipping),
    total_tax: toDecimal(totals.tax),
    total_tax_set: set(totals.tax),
    total_weight: 0,
    updated_at: restTime(order.updatedAt),
    billing_address: addressPayload(order.shippingAddress),
    shipping_address: addressPayload(order.shippingAddress),
    customer: customer ? customerPayload(customer, shop) : null,
    line_items: order.lineItems.map((line) => ({
      id: line.id,
      admin_graphql_api_id: toGid('LineItem', line.id),
      fulfillable_quantity: order.fulfillmentStatus === 'FULFILLED' ? 0 : line.quantity,
      fulfillment_status: order.fulfillmentStatus === 'FULFILLED' ? 'fulfilled' : null,
      gift_card: false,
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      price: toDecimal(line.priceCents),
      price_set: set(line.priceCents),
      product_exists: true,
      product_id: line.productId,
      quantity: line.quantity,
      requires_shipping: true,
      sku: line.sku,
      taxable: true,
      title: line.title,
      total_discount: toDecimal(line.discountCents),
      total_discount_set: set(line.discountCents),
      variant_id: line.variantId,
      variant_title: line.variantTitle,
      vendor: line.vendor,
    })),
    refunds: order.refunds.map((refund) => refundPayload(refund, order)),
    shipping_lines: [
      {
        id: order.id + 7,
        code: 'Standard',
        price: toDecimal(order.shippingCents),
        price_set: set(order.shippingCents),
        title: 'Standard Shipping',
        source: 'shopify',
      },
    ],
  };
}
