import { convert, toDecimal } from '../../data/money.ts';
import type { ShopState } from '../../data/shop-state.ts';

/** Shopify renders DateTime without milliseconds: `2024-05-01T12:00:00Z`. */
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

export const SHOP_CURRENCY = 'USD';

export function money(cents: number, currencyCode = SHOP_CURRENCY): { amount: string; currencyCode: string } {
  return { amount: toDecimal(cents), currencyCode };
}

export interface Presentment {
  presentmentCurrency: string;
  exchangeRate: number;
}

/** A MoneyBag: the amount in the shop's currency and in the currency the customer paid in. */
export function moneyBag(cents: number, presentment: Presentment) {
  return {
    shopMoney: money(cents),
    presentmentMoney: money(convert(cents, presentment.exchangeRate), presentment.presentmentCurrency),
  };
}

export function exactCount(count: number): { count: number; precision: 'EXACT' | 'AT_LEAST' } {
  return { count, precision: 'EXACT' };
}

/** Values of abstract types (Node, unions) carry their concrete type name here. */
const typeNames = new WeakMap<object, string>();

export function typed<T extends object>(value: T, typeName: string): T {
  typeNames.set(value, typeName);
  return value;
}

export function typeNameOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? typeNames.get(value) : undefined;
}

export const LOCATION_ID_BASE = 7_700_000_000;

export function locationOf(shop: ShopState) {
  return typed(
    { id: LOCATION_ID_BASE + (shop.id % 1000), name: 'Main Warehouse', createdAt: shop.createdAt },
    'Location',
  );
}

export type LocationValue = ReturnType<typeof locationOf>;
