import type { MirroredLineItem } from '@ionflux/drizzle/shopify';

export type { MirroredLineItem };

/**
 * When a version of a record was seen at Shopify, which breaks ties of `updated_at` (whole seconds):
 * a webhook's `X-Shopify-Triggered-At` (when the change's event fired), or when the Admin read that
 * returned it was started (for a bulk operation, its creation: the earliest its data can be from). So
 * an Admin read that began after a webhook fired corrects it (e.g. refunds in the buyer's currency),
 * and a change made in the same second as the one before still counts.
 */
export type ObservedAt = Date;

/** An order as the mirror keeps it, whichever way it came (webhook payload, bulk line, API page). */
export interface MirrorOrder {
  /** Global id, `gid://shopify/Order/…`. */
  orderId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date | null;
  cancelledAt: Date | null;
  test: boolean;
  financialStatus: string | null;
  fulfillmentStatus: string;
  currency: string;
  presentmentCurrency: string | null;
  totalPrice: string;
  currentTotalPrice: string;
  totalRefunded: string;
  /** `totalRefunded` was converted from the buyer's currency; an Admin read will correct it. */
  refundsEstimated: boolean;
  subtotalPrice: string | null;
  totalTax: string | null;
  totalDiscounts: string | null;
  totalShipping: string | null;
  presentmentTotalPrice: string | null;
  presentmentCurrentTotalPrice: string | null;
  presentmentTotalRefunded: string | null;
  refundIds: string[];
  lineItems: MirroredLineItem[];
}

export interface MirrorVariant {
  variantId: string;
  title: string;
  sku: string | null;
  price: string;
  inventoryQuantity: number | null;
  position: number;
}

/** A product as the mirror keeps it. */
export interface MirrorProduct {
  productId: string;
  title: string;
  handle: string | null;
  description: string | null;
  status: string;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  createdAt: Date | null;
  updatedAt: Date;
  variants: MirrorVariant[];
  /**
   * Every variant the product has now, when the payload lists more than it details (a products webhook
   * details the first 100 and names the rest in `variant_gids`): mirrored variants outside it are
   * deleted, those in it but not detailed are kept. Undefined: `variants` is the complete list.
   */
  allVariantIds?: string[];
}

/** The shop's identity, currency and timezone as mirrored (spec 2.2 Shop). */
export interface MirrorShop {
  shopGid: string | null;
  name: string | null;
  currency: string | null;
  ianaTimezone: string | null;
  plan: string | null;
  /** The version: `updated_at`, or the delivery's trigger time when the payload has none. */
  updatedAt: Date;
}

/** Shopify's global id of a REST resource id (given as a number, or as a string when beyond 2^53). */
export function toGid(type: string, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}
