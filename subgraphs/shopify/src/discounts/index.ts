export { createShopifyDiscountCode, DISCOUNTS_SCOPE } from './create-shopify-discount-code.ts';
