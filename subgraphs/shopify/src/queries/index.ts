// The read side of the subgraph: resolvers over live Admin API calls (shop, products, orders, customers,
// the discount-code mutation) and over the stored connections, and the per-request handles they share.
export { createShopifyDiscountCode, DISCOUNTS_SCOPE } from './create-shopify-discount-code.ts';
export { loadMirroredOrder, loadMirroredProduct } from './load-mirrored.ts';
export { pageSize } from './page-size.ts';
export type { ConnectionScope, LoadedNode, ShopifyRequestScope } from './request-scope.ts';
export { createNodeLoader, createShopifyRequestScope } from './request-scope.ts';
export { CUSTOMERS_SCOPE, resolveShopifyCustomers } from './resolve-shopify-customers.ts';
export {
  resolveLineItemProduct,
  resolveShopifyOrder,
  resolveShopifyOrders,
} from './resolve-shopify-orders.ts';
export { loadProduct, resolveShopifyProducts } from './resolve-shopify-products.ts';
export { resolveShopifyShop } from './resolve-shopify-shop.ts';
export type { ShopifyConnectionRecord } from './shopify-connections.ts';
export { listShopifyConnections, toShopifyConnection } from './shopify-connections.ts';
