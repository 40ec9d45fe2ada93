import type { CancelReason, FinancialStatus, ProductStatus } from '../data/records.ts';

/** Ids may be numeric or global ids (`gid://shopify/ProductVariant/…`). */
export type IdInput = number | string;

export interface CreateOrderInput {
  lineItems?: { variantId: IdInput; quantity?: number; price?: string | number }[];
  customerId?: IdInput;
  email?: string;
  test?: boolean;
  financialStatus?: FinancialStatus;
  presentmentCurrency?: string;
  /** presentment amount = shop amount × rate; @default 1 */
  exchangeRate?: number;
  shippingPrice?: string | number;
  tags?: string[];
  note?: string;
}

export interface CreateProductInput {
  title: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  status?: ProductStatus;
  tags?: string[];
  variants?: { title?: string; price?: string; sku?: string; inventory?: number }[];
}

/** Identify the stock by one of variantId / inventoryItemId / sku; set `available` or add `delta`. */
export interface InventoryChange {
  variantId?: IdInput;
  inventoryItemId?: IdInput;
  sku?: string;
  available?: number;
  delta?: number;
}

/** What `updateShop` may change; each change sends `shop/update`. */
export interface ShopChange {
  name?: string;
  ianaTimezone?: string;
}

export type ComplianceTopic = 'customers/data_request' | 'customers/redact' | 'shop/redact';

export interface ComplianceInput {
  /** where to POST; @default the simulator's `complianceWebhookUrl` option */
  url?: string;
  /** for the customer topics; @default the shop's first customer */
  customerId?: IdInput;
}

export type { CancelReason };
