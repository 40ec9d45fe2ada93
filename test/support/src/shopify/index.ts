export { seedMirrorOrders } from './seed-mirror-orders.ts';
export type { AdminRevenue } from './shopify-admin-revenue.ts';
export { adminRevenue, cents, decimal, localDate } from './shopify-admin-revenue.ts';
export type { ShopifyMirrorDatabase } from './shopify-mirror.ts';
export { createShopifyMirrorDatabase } from './shopify-mirror.ts';
export type { ShopifySystem } from './shopify-system.ts';
export { MIRROR_SCOPES, startShopifySystem } from './shopify-system.ts';
export type { DocExampleTopic } from './webhook-examples/index.ts';
export { docExampleFor, docExampleText, SHOPIFY_DOC_EXAMPLE_TOPICS } from './webhook-examples/index.ts';
