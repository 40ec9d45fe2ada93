import { CITIES } from './names.ts';
import { createRandom, seedFor } from './random.ts';
import type {
  CancelReason,
  CustomerRecord,
  FinancialStatus,
  LineItemRecord,
  OrderRecord,
  ProductRecord,
  RefundRecord,
} from './records.ts';

export const ORDER_ID_BASE = 5_600_000_000_000;
export const LINE_ITEM_ID_BASE = 13_600_000_000_000;
export const REFUND_ID_BASE = 9_100_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PRESENTMENT = [
  { currency: 'USD', rate: 1, weight: 0.7 },
  { currency: 'CAD', rate: 1.36, weight: 0.1 },
  { currency: 'EUR', rate: 0.92, weight: 0.08 },
  { currency: 'GBP', rate: 0.79, weight: 0.07 },
  { currency: 'AUD', rate: 1.52, weight: 0.05 },
] as const;
const TAX_RATE: Record<string, number> = { US: 0.08, CA: 0.13, GB: 0.2, DE: 0.19, FR: 0.2, AU: 0.1 };
const CANCEL_REASONS: readonly CancelReason[] = ['CUSTOMER', 'INVENTORY', 'FRAUD', 'DECLINED', 'OTHER'];

/** What order generation draws on; orders are a pure function of (context, index). */
export interface OrderContext {
  seed: number;
  count: number;
  windowStart: Date;
  windowEnd: Date;
  products: readonly ProductRecord[];
  customers: readonly CustomerRecord[];
}

export function orderIdAt(index: number): number {
  return ORDER_ID_BASE + index;
}

/** Creation time of order `index`: strictly increasing with the index, so id order is creation order. */
export function orderCreatedAt(context: OrderContext, index: number): Date {
  const slot = (context.windowEnd.getTime() - context.windowStart.getTime()) / context.count;
  const jitter = createRandom(seedFor(context.seed ^ 0x5bd1e995, index)).next();
  return new Date(Math.floor(context.windowStart.getTime() + (index + jitter * 0.999) * slot));
}

function pickCurrency(roll: number): (typeof PRESENTMENT)[number] {
  let acc = 0;
  for (const option of PRESENTMENT) {
    acc += option.weight;
    if (roll < acc) return option;
  }
  return PRESENTMENT[0];
}

export function generateOrder(context: OrderContext, index: number): OrderRecord {
  const random = createRandom(seedFor(context.seed, index));
  const id = orderIdAt(index);
  const now = context.windowEnd.getTime();
  const createdAt = orderCreatedAt(context, index);
  const customer =
    random.chance(0.92) && context.customers.length > 0 ? random.pick(context.customers) : null;
  const address = customer?.address ?? {
    firstName: 'Guest',
    lastName: 'Shopper',
    address1: '1 Market St',
    phone: null,
    ...random.pick(CITIES),
  };
  const presentment = pickCurrency(random.next());
  const onSale = context.products.filter((product) => product.status === 'ACTIVE');
  const discountRate = random.chance(0.18) ? random.pick([0.1, 0.15]) : 0;
  const lineCount = random.chance(0.55) ? 1 : random.int(2, 4);
  const lineItems: LineItemRecord[] = [];
  for (let k = 0; k < lineCount && onSale.length > 0; k++) {
    const product = random.pick(onSale);
    const variant = random.pick(product.variants);
    const quantity = random.chance(0.75) ? 1 : random.int(2, 3);
    lineItems.push({
      id: LINE_ITEM_ID_BASE + index * 8 + k,
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      variantTitle: variant.title === 'Default Title' ? null : variant.title,
      sku: variant.sku,
      vendor: product.vendor,
      quantity,
      priceCents: variant.priceCents,
      discountCents: Math.round(variant.priceCents * quantity * discountRate),
    });
  }
  const subtotal = lineItems.reduce(
    (sum, line) => sum + line.priceCents * line.quantity - line.discountCents,
    0,
  );
  const domestic = address.countryCode === 'US';
  const shippingCents = subtotal >= 7500 ? 0 : domestic ? 695 : 1495;
  const taxCents = Math.round(subtotal * (TAX_RATE[address.countryCode] ?? 0.08));
  const total = subtotal + shippingCents + taxCents;

  let financialStatus: FinancialStatus = random.chance(0.02) ? 'PENDING' : 'PAID';
  let cancelledAt: Date | null = null;
  let cancelReason: CancelReason | null = null;
  const refunds: RefundRecord[] = [];
  const fate = random.next();
  if (fate < 0.03) {
    cancelledAt = new Date(createdAt.getTime() + random.int(1, 48) * HOUR);
    cancelReason = random.pick(CANCEL_REASONS);
    if (financialStatus === 'PAID') {
      refunds.push({
        id: REFUND_ID_BASE + index,
        createdAt: cancelledAt,
        note: 'Order canceled',
        amountCents: total,
        lineItems: lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
      });
      financialStatus = 'REFUNDED';
    } else financialStatus = 'VOIDED';
  } else if (fate < 0.09 && financialStatus === 'PAID') {
    const refundedAt = new Date(createdAt.getTime() + random.int(2, 20) * DAY);
    const first = lineItems[0];
    if (refundedAt.getTime() < now && first) {
      const full = fate < 0.05 || lineItems.length === 1;
      const amountCents = full ? total : first.priceCents * first.quantity - first.discountCents;
      const refundLines = full ? lineItems : [first];
      refunds.push({
        id: REFUND_ID_BASE + index,
        createdAt: refundedAt,
        note: full ? 'Returned' : 'Damaged in transit',
        amountCents,
        lineItems: refundLines.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
      });
      financialStatus = full ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    }
  }
  const fulfilled = !cancelledAt && now - createdAt.getTime() > 2 * DAY && financialStatus !== 'PENDING';
  const closedAt =
    cancelledAt ??
    (fulfilled && now - createdAt.getTime() > 5 * DAY ? new Date(createdAt.getTime() + 5 * DAY) : null);
  const lastChange = Math.max(
    createdAt.getTime() + random.int(1, 300) * 1000,
    cancelledAt?.getTime() ?? 0,
    refunds[0]?.createdAt.getTime() ?? 0,
    closedAt?.getTime() ?? 0,
  );
  return {
    id,
    number: 1001 + index,
    email: customer?.email ?? (random.chance(0.5) ? `guest${index}@example.net` : null),
    customerId: customer?.id ?? null,
    createdAt,
    updatedAt: new Date(Math.min(now, lastChange)),
    processedAt: createdAt,
    cancelledAt,
    cancelReason,
    closedAt,
    test: random.chance(0.01),
    presentmentCurrency: presentment.currency,
    exchangeRate: presentment.rate,
    financialStatus,
    fulfillmentStatus: fulfilled ? 'FULFILLED' : 'UNFULFILLED',
    lineItems,
    shippingCents,
    taxCents,
    discountCodes: discountRate === 0.1 ? ['WELCOME10'] : discountRate > 0 ? ['SUMMER15'] : [],
    refunds,
    sourceName: random.chance(0.9) ? 'web' : 'pos',
    tags: [],
    note: null,
    gateway: random.chance(0.8) ? 'shopify_payments' : 'paypal',
    shippingAddress: address,
  };
}
