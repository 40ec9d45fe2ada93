export { resolveLineItemProduct } from './resolve-line-item-product.ts';
export { resolveShopifyOrder } from './resolve-shopify-order.ts';
export { resolveShopifyOrders } from './resolve-shopify-orders.ts';
