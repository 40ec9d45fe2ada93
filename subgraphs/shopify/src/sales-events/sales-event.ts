import type { IonfluxOrder, IonfluxProduct } from '../mapping/index.ts';

/** What a Sales Sentinel event says happened (the GraphQL `ShopifySalesEventKind`). */
export type SalesEventKind =
  | 'NEW_ORDER'
  | 'ORDER_PAID'
  | 'ORDER_FULFILLED'
  | 'ORDER_REFUNDED'
  | 'HIGH_VALUE_ORDER'
  | 'LOW_INVENTORY';

export interface SalesEventVariant {
  id: string;
  title: string;
  sku: string | null;
  price: { amount: string; currencyCode: string };
  inventoryQuantity: number | null;
}

/**
 * One domain event as published on the bus and served to `shopifySalesEvents`: an order event carries
 * the order as mirrored by the change, LOW_INVENTORY the product and the variant that fell below its
 * threshold.
 */
export interface SalesEvent {
  /** Stable for the underlying change: a replayed delivery could only ever raise the same id. */
  id: string;
  kind: SalesEventKind;
  /** When the change happened at Shopify (the version's `updated_at`; creation for NEW_ORDER). */
  occurredAt: Date;
  connectionId: string;
  brandId: string;
  workspaceId: string;
  order: IonfluxOrder | null;
  product: IonfluxProduct | null;
  variant: SalesEventVariant | null;
  /** The threshold crossed: HIGH_VALUE_ORDER's amount, LOW_INVENTORY's quantity. */
  threshold: string | null;
}

/** The bus topic of one brand's sales events, within its workspace (subscribers read only their own). */
export function salesEventsTopic(workspaceId: string, brandId: string): string {
  return `workspace:${workspaceId}:shopify-sales:${brandId}`;
}
