import { locationOf } from '../admin/resolvers/values.ts';
import { customerStats } from '../data/customer-stats.ts';
import { LINE_ITEM_ID_BASE, REFUND_ID_BASE } from '../data/generate-order.ts';
import { parseGid } from '../data/gid.ts';
import { orderTotals } from '../data/order-totals.ts';
import type { CancelReason, OrderRecord, ProductRecord, VariantRecord } from '../data/records.ts';
import { INVENTORY_ITEM_ID_BASE, PRODUCT_ID_BASE, VARIANT_ID_BASE } from '../data/seed-catalog.ts';
import type { ShopRegistry } from '../data/shop-registry.ts';
import type { ShopState } from '../data/shop-state.ts';
import type { TokenRegistry } from '../oauth/token-registry.ts';
import { inventoryLevelPayload, productPayload } from '../webhooks/catalog-payloads.ts';
import { orderPayload, refundPayload } from '../webhooks/order-payload.ts';
import {
  customersDataRequestPayload,
  customersRedactPayload,
  shopPayload,
  shopRedactPayload,
} from '../webhooks/shop-payloads.ts';
import type { Delivery, WebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import type {
  ComplianceInput,
  ComplianceTopic,
  CreateOrderInput,
  CreateProductInput,
  InventoryChange,
  ShopChange,
} from './control-types.ts';

export class ControlError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface ShopActionDeps {
  shops: ShopRegistry;
  tokens: TokenRegistry;
  webhooks: WebhookDispatcher;
  now: () => Date;
  baseUrl: () => string;
}

export const numericId = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  return parseGid(value)?.id ?? (/^\d+$/.test(value) ? Number(value) : undefined);
};

/** Changes a merchant (or their customers) would make, each followed by the webhooks Shopify sends. */
export class ShopActions {
  readonly #deps: ShopActionDeps;

  constructor(deps: ShopActionDeps) {
    this.#deps = deps;
  }

  #order(shop: ShopState, id: unknown): OrderRecord {
    const order = shop.orders.byId(numericId(id) ?? -1);
    if (!order) throw new ControlError(404, `no order ${String(id)} in ${shop.domain}`);
    return order;
  }

  createOrder(domain: string, input: CreateOrderInput = {}): OrderRecord {
    const shop = this.#deps.shops.get(domain);
    const now = this.#deps.now();
    const requested = input.lineItems ?? [];
    const fallback = shop.products.find((p) => p.status === 'ACTIVE')?.variants[0];
    const picks =
      requested.length > 0 ? requested : fallback ? [{ variantId: fallback.id, quantity: 1 }] : [];
    if (picks.length === 0) throw new ControlError(400, 'the shop has no products to order');
    const id = shop.orders.nextId();
    const lineItems = picks.map((pick, k) => {
      const variant = shop.variant(numericId(pick.variantId) ?? -1);
      if (!variant) throw new ControlError(400, `no variant ${String(pick.variantId)}`);
      const product = shop.product(variant.productId) as ProductRecord;
      const quantity = pick.quantity ?? 1;
      variant.available -= quantity;
      variant.updatedAt = now;
      const priceCents = pick.price === undefined ? variant.priceCents : Math.round(Number(pick.price) * 100);
      return {
        id: LINE_ITEM_ID_BASE + shop.orders.size * 8 + k,
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        variantTitle: variant.title === 'Default Title' ? null : variant.title,
        sku: variant.sku,
        vendor: product.vendor,
        quantity,
        priceCents,
        discountCents: 0,
      };
    });
    const customer =
      input.customerId === undefined ? shop.customers[0] : shop.customer(numericId(input.customerId) ?? -1);
    const subtotal = lineItems.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
    const order: OrderRecord = {
      id,
      number: shop.orders.nextNumber(),
      email: input.email ?? customer?.email ?? null,
      customerId: customer?.id ?? null,
      createdAt: now,
      updatedAt: now,
      processedAt: now,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      test: input.test ?? false,
      presentmentCurrency: input.presentmentCurrency ?? 'USD',
      exchangeRate: input.exchangeRate ?? 1,
      financialStatus: input.financialStatus ?? 'PAID',
      fulfillmentStatus: 'UNFULFILLED',
      lineItems,
      shippingCents:
        input.shippingPrice === undefined
          ? subtotal >= 7500
            ? 0
            : 695
          : Math.round(Number(input.shippingPrice) * 100),
      taxCents: Math.round(subtotal * 0.08),
      discountCodes: [],
      refunds: [],
      sourceName: 'web',
      tags: input.tags ?? [],
      note: input.note ?? null,
      gateway: 'shopify_payments',
      shippingAddress: customer?.address ?? null,
    };
    shop.orders.add(order);
    const payload = orderPayload(order, shop);
    this.#deps.webhooks.emit(shop, 'ORDERS_CREATE', payload);
    if (order.financialStatus === 'PAID') this.#deps.webhooks.emit(shop, 'ORDERS_PAID', payload);
    for (const line of lineItems) this.#inventoryChanged(shop, shop.variant(line.variantId) as VariantRecord);
    return order;
  }

  cancelOrder(domain: string, orderId: unknown, reason: CancelReason = 'CUSTOMER'): OrderRecord {
    const shop = this.#deps.shops.get(domain);
    const current = this.#order(shop, orderId);
    if (current.cancelledAt) throw new ControlError(409, `order ${current.id} is already cancelled`);
    const now = this.#deps.now();
    const paid = current.financialStatus === 'PAID' || current.financialStatus === 'PARTIALLY_REFUNDED';
    const remaining = orderTotals(current).currentTotal;
    const refunds =
      paid && remaining > 0
        ? [...current.refunds, this.#refund(shop, current, remaining, 'Order canceled', now)]
        : current.refunds;
    const order = {
      ...current,
      cancelledAt: now,
      cancelReason: reason,
      closedAt: now,
      updatedAt: now,
      refunds,
      financialStatus: paid ? ('REFUNDED' as const) : ('VOIDED' as const),
    };
    shop.orders.replace(order);
    const payload = orderPayload(order, shop);
    this.#deps.webhooks.emit(shop, 'ORDERS_CANCELLED', payload);
    this.#deps.webhooks.emit(shop, 'ORDERS_UPDATED', payload);
    return order;
  }

  /** Fulfils every line: `orders/fulfilled`, then `orders/updated`, as Shopify sends them. */
  fulfillOrder(domain: string, orderId: unknown): OrderRecord {
    const shop = this.#deps.shops.get(domain);
    const current = this.#order(shop, orderId);
    if (current.cancelledAt) throw new ControlError(409, `order ${current.id} is cancelled`);
    if (current.fulfillmentStatus === 'FULFILLED')
      throw new ControlError(409, `order ${current.id} is already fulfilled`);
    const order = { ...current, fulfillmentStatus: 'FULFILLED' as const, updatedAt: this.#deps.now() };
    shop.orders.replace(order);
    const payload = orderPayload(order, shop);
    this.#deps.webhooks.emit(shop, 'ORDERS_FULFILLED', payload);
    this.#deps.webhooks.emit(shop, 'ORDERS_UPDATED', payload);
    return order;
  }

  /** Changes the shop's name or timezone and sends `shop/update`. */
  updateShop(domain: string, change: ShopChange): ShopState {
    const shop = this.#deps.shops.get(domain);
    if (change.ianaTimezone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: change.ianaTimezone });
      } catch {
        throw new ControlError(400, `${change.ianaTimezone} is not an IANA timezone`);
      }
      shop.ianaTimezone = change.ianaTimezone;
    }
    if (change.name !== undefined) {
      if (change.name.trim() === '') throw new ControlError(400, 'name must not be empty');
      shop.name = change.name;
    }
    shop.updatedAt = this.#deps.now();
    this.#deps.webhooks.emit(shop, 'SHOP_UPDATE', shopPayload(shop));
    return shop;
  }

  refundOrder(domain: string, orderId: unknown, amount?: string | number, note = 'Refund'): OrderRecord {
    const shop = this.#deps.shops.get(domain);
    const current = this.#order(shop, orderId);
    const remaining = orderTotals(current).currentTotal;
    const cents = amount === undefined ? remaining : Math.round(Number(amount) * 100);
    if (!(cents > 0) || cents > remaining)
      throw new ControlError(400, `refund must be between 0.01 and ${(remaining / 100).toFixed(2)}`);
    const now = this.#deps.now();
    const refund = this.#refund(shop, current, cents, note, now);
    const order = {
      ...current,
      refunds: [...current.refunds, refund],
      updatedAt: now,
      financialStatus: cents === remaining ? ('REFUNDED' as const) : ('PARTIALLY_REFUNDED' as const),
    };
    shop.orders.replace(order);
    this.#deps.webhooks.emit(shop, 'REFUNDS_CREATE', refundPayload(refund, order));
    this.#deps.webhooks.emit(shop, 'ORDERS_UPDATED', orderPayload(order, shop));
    return order;
  }

  #refund(shop: ShopState, order: OrderRecord, cents: number, note: string, now: Date) {
    const id = shop.nextId(REFUND_ID_BASE + 900_000_000);
    shop.refundOrders.set(id, order.id);
    const full = cents >= orderTotals(order).currentTotal;
    return {
      id,
      createdAt: now,
      note,
      amountCents: cents,
      lineItems: full ? order.lineItems.map((l) => ({ lineItemId: l.id, quantity: l.quantity })) : [],
    };
  }

  createProduct(domain: string, input: CreateProductInput): ProductRecord {
    const shop = this.#deps.shops.get(domain);
    const now = this.#deps.now();
    const id = shop.nextId(PRODUCT_ID_BASE + 500_000);
    const handle = input.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const specs = input.variants?.length ? input.variants : [{ title: 'Default Title', price: '25.00' }];
    const variants = specs.map((spec, index) => {
      const serial = shop.nextId(500_000);
      return {
        id: VARIANT_ID_BASE + serial,
        productId: id,
        inventoryItemId: INVENTORY_ITEM_ID_BASE + serial,
        title: spec.title ?? 'Default Title',
        sku: spec.sku ?? `${handle.slice(0, 12).toUpperCase()}-${index + 1}`,
        barcode: null,
        priceCents: Math.round(Number(spec.price ?? '25.00') * 100),
        compareAtPriceCents: null,
        unitCostCents: 0,
        position: index + 1,
        available: spec.inventory ?? 0,
        options: [{ name: 'Title', value: spec.title ?? 'Default Title' }],
        createdAt: now,
        updatedAt: now,
      };
    });
    const product: ProductRecord = {
      id,
      title: input.title,
      handle,
      descriptionHtml: input.descriptionHtml ?? '',
      vendor: input.vendor ?? shop.name,
      productType: input.productType ?? '',
      status: input.status ?? 'ACTIVE',
      tags: input.tags ?? [],
      createdAt: now,
      updatedAt: now,
      publishedAt: input.status === 'DRAFT' ? null : now,
      images: [],
      variants,
    };
    shop.products.push(product);
    this.#deps.webhooks.emit(shop, 'PRODUCTS_CREATE', productPayload(product, this.#deps.baseUrl()));
    return product;
  }

  changeInventory(domain: string, change: InventoryChange): VariantRecord {
    const shop = this.#deps.shops.get(domain);
    const variant =
      change.inventoryItemId !== undefined
        ? shop.variantByInventoryItem(numericId(change.inventoryItemId) ?? -1)
        : change.sku !== undefined
          ? shop.products.flatMap((p) => p.variants).find((v) => v.sku === change.sku)
          : shop.variant(numericId(change.variantId) ?? -1);
    if (!variant) throw new ControlError(404, 'no such variant / inventory item');
    variant.available = change.available ?? variant.available + (change.delta ?? 0);
    variant.updatedAt = this.#deps.now();
    this.#inventoryChanged(shop, variant);
    return variant;
  }

  #inventoryChanged(shop: ShopState, variant: VariantRecord): void {
    const product = shop.product(variant.productId);
    if (product) product.updatedAt = variant.updatedAt;
    this.#deps.webhooks.emit(
      shop,
      'INVENTORY_LEVELS_UPDATE',
      inventoryLevelPayload(variant, locationOf(shop).id),
    );
    if (product)
      this.#deps.webhooks.emit(shop, 'PRODUCTS_UPDATE', productPayload(product, this.#deps.baseUrl()));
  }

  /** Sends one of the mandatory compliance webhooks to the app's configured compliance URL. */
  sendCompliance(
    domain: string,
    topic: ComplianceTopic,
    url: string,
    apiVersion: string,
    input: ComplianceInput = {},
  ): Delivery[] {
    const shop = this.#deps.shops.get(domain);
    if (topic === 'shop/redact')
      return this.#deps.webhooks.sendTo(url, shop.domain, topic, shopRedactPayload(shop), apiVersion);
    const customer =
      input.customerId === undefined ? shop.customers[0] : shop.customer(numericId(input.customerId) ?? -1);
    if (!customer) throw new ControlError(404, 'no such customer');
    const orderIds = customerStats(shop).get(customer.id)?.orderIds ?? [];
    const payload =
      topic === 'customers/redact'
        ? customersRedactPayload(shop, customer, orderIds)
        : customersDataRequestPayload(shop, customer, orderIds, shop.nextId(9_000_000));
    return this.#deps.webhooks.sendTo(url, shop.domain, topic, payload, apiVersion);
  }

  /** Sends `app/uninstalled`, then revokes every token and removes the shop's subscriptions, as Shopify does. */
  uninstall(domain: string): { revokedTokens: number } {
    const shop = this.#deps.shops.get(domain);
    this.#deps.webhooks.emit(shop, 'APP_UNINSTALLED', shopPayload(shop));
    shop.installed = false;
    shop.webhookSubscriptions.length = 0;
    return { revokedTokens: this.#deps.tokens.revokeShop(shop.domain) };
  }
}
