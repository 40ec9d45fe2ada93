// The Shopify subgraph's table set: one file per concept under shopify/.
export * from './shopify/orders.ts';
export * from './shopify/privacy-requests.ts';
export * from './shopify/products.ts';
export * from './shopify/rollups.ts';
export * from './shopify/sales-alerts.ts';
export * from './shopify/shopify-schema.ts';
export * from './shopify/shops.ts';
export * from './shopify/sync-states.ts';
