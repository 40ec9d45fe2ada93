import { OrderBook } from './order-book.ts';
import type {
  BulkOperationRecord,
  CustomerRecord,
  DiscountRecord,
  OrderRecord,
  ProductRecord,
  VariantRecord,
  WebhookSubscriptionRecord,
} from './records.ts';
import { seedCatalog } from './seed-catalog.ts';
import { seedCustomers } from './seed-customers.ts';

/** How much demo data a shop is seeded with. */
export interface ShopScale {
  /** @default 50 */ products: number;
  /** @default 300 */ customers: number;
  /** @default 2000 */ orders: number;
  /** orders are spread over this many days before now; @default 90 */ days: number;
}

export const DEFAULT_SCALE: ShopScale = { products: 50, customers: 300, orders: 2000, days: 90 };
const DAY = 86_400_000;

/** Everything one shop holds. Shops are created on first use and seeded deterministically. */
export class ShopState {
  readonly domain: string;
  readonly id: number;
  /** Changed with the control API's `updateShop` (which sends `shop/update`). */
  name: string;
  /** @default 'America/New_York' */
  ianaTimezone = 'America/New_York';
  readonly createdAt: Date;
  /** Bumped by every change of the shop itself. */
  updatedAt: Date;
  readonly products: ProductRecord[];
  readonly customers: CustomerRecord[];
  readonly orders: OrderBook;
  readonly webhookSubscriptions: WebhookSubscriptionRecord[] = [];
  readonly discounts: DiscountRecord[] = [];
  readonly bulkOperations: BulkOperationRecord[] = [];
  readonly refundOrders = new Map<number, number>();
  installed = true;
  #serial = 0;

  constructor(domain: string, seed: number, scale: ShopScale, now: Date) {
    this.domain = domain;
    this.id = 60_000_000_000 + (seed % 1_000_000_000);
    const handle = domain.replace(/\.myshopify\.com$/, '');
    this.name = handle
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ');
    this.createdAt = new Date(now.getTime() - 800 * DAY);
    this.updatedAt = this.createdAt;
    this.products = seedCatalog(seed, scale.products, now);
    this.customers = seedCustomers(seed + 1, scale.customers, now);
    this.orders = new OrderBook({
      seed: seed + 2,
      count: scale.orders,
      windowStart: new Date(now.getTime() - scale.days * DAY),
      windowEnd: now,
      products: this.products,
      customers: this.customers,
    });
  }

  /** A fresh numeric id for records created at run time (webhook subscriptions, discounts, …). */
  nextId(base: number): number {
    this.#serial += 1;
    return base + this.#serial;
  }

  product(id: number): ProductRecord | undefined {
    return this.products.find((product) => product.id === id);
  }

  variant(id: number): VariantRecord | undefined {
    for (const product of this.products) {
      const variant = product.variants.find((v) => v.id === id);
      if (variant) return variant;
    }
    return undefined;
  }

  variantByInventoryItem(inventoryItemId: number): VariantRecord | undefined {
    for (const product of this.products) {
      const variant = product.variants.find((v) => v.inventoryItemId === inventoryItemId);
      if (variant) return variant;
    }
    return undefined;
  }

  /** Refunds made at run time carry ids unrelated to their order's; this finds the order. */
  refundOwner(refundId: number): OrderRecord | undefined {
    const orderId = this.refundOrders.get(refundId);
    return orderId === undefined ? undefined : this.orders.byId(orderId);
  }

  customer(id: number): CustomerRecord | undefined {
    return this.customers.find((customer) => customer.id === id);
  }
}
