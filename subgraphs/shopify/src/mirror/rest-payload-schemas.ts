import { z } from 'zod';
import { isDecimal } from './decimal.ts';

// What the mirror reads of Shopify's REST resources as webhooks carry them (reference/shopify.md §6).
// Every field the mirror does not need is ignored; nulls are allowed wherever Shopify's documented
// examples show them. Ids may be numbers or, past 2^53, strings (see parseShopifyJson).

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]);
const gid = z.string().regex(/^gid:\/\/shopify\/[A-Za-z]+\/\d{1,20}$/);
const decimal = z.string().refine(isDecimal, 'not a decimal amount');
/** A REST amount: usually a string, numbers in some nested fields (refund line subtotals). */
const amount = z.union([decimal, z.number().transform(String).pipe(decimal)]);
const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a timestamp');
const money = z.object({ amount, currency_code: z.string().min(1).max(8) });
const moneySet = z.object({ shop_money: money, presentment_money: money.nullish() }).nullish();

export const restLineItem = z.object({
  id: id.nullish(),
  admin_graphql_api_id: gid.nullish(),
  product_id: id.nullish(),
  variant_id: id.nullish(),
  title: z.string().nullish(),
  name: z.string().nullish(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  price: amount.nullish(),
  price_set: moneySet,
  total_discount: amount.nullish(),
  total_discount_set: moneySet,
});

const restTransaction = z.object({
  kind: z.string().nullish(),
  status: z.string().nullish(),
  amount: amount.nullish(),
  currency: z.string().nullish(),
});

const restRefund = z.object({
  id: id.nullish(),
  admin_graphql_api_id: gid.nullish(),
  transactions: z.array(restTransaction).nullish(),
});

export const restOrder = z.object({
  id: id.nullish(),
  admin_graphql_api_id: gid.nullish(),
  name: z.string(),
  created_at: time,
  updated_at: time,
  processed_at: time.nullish(),
  cancelled_at: time.nullish(),
  test: z.boolean().nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  currency: z.string().min(1).max(8),
  presentment_currency: z.string().nullish(),
  total_price: amount,
  total_price_set: moneySet,
  current_total_price: amount.nullish(),
  current_total_price_set: moneySet,
  subtotal_price: amount.nullish(),
  subtotal_price_set: moneySet,
  total_tax: amount.nullish(),
  total_tax_set: moneySet,
  total_discounts: amount.nullish(),
  total_discounts_set: moneySet,
  total_shipping_price_set: moneySet,
  line_items: z.array(restLineItem).max(5000),
  refunds: z.array(restRefund).nullish(),
});

const restVariant = z.object({
  id: id.nullish(),
  admin_graphql_api_id: gid.nullish(),
  title: z.string().nullish(),
  sku: z.string().nullish(),
  price: amount.nullish(),
  inventory_quantity: z.number().int().nullish(),
  position: z.number().int().nullish(),
});

export const restProduct = z.object({
  id: id.nullish(),
  admin_graphql_api_id: gid.nullish(),
  title: z.string(),
  handle: z.string().nullish(),
  body_html: z.string().nullish(),
  status: z.string().nullish(),
  vendor: z.string().nullish(),
  product_type: z.string().nullish(),
  tags: z.union([z.string(), z.array(z.string())]).nullish(),
  created_at: time.nullish(),
  updated_at: time.nullish(),
  variants: z.array(restVariant).max(5000).nullish(),
  variant_gids: z
    .array(z.object({ admin_graphql_api_id: gid }))
    .max(5000)
    .nullish(),
});

export const restShop = z.object({
  id: id.nullish(),
  name: z.string().nullish(),
  currency: z.string().nullish(),
  iana_timezone: z.string().nullish(),
  plan_display_name: z.string().nullish(),
  updated_at: time.nullish(),
});

export type RestOrder = z.output<typeof restOrder>;
export type RestLineItem = z.output<typeof restLineItem>;
export type RestProduct = z.output<typeof restProduct>;
export type RestShop = z.output<typeof restShop>;
