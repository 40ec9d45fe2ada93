export type { ShopifyConnectionRecord } from './list-shopify-connections.ts';
export { listShopifyConnections } from './list-shopify-connections.ts';
export { toShopifyConnection } from './to-shopify-connection.ts';
