export type { ShopifyConfig } from './config.ts';
export { parseShopifyConfig } from './config.ts';
export { startShopifySubgraph } from './start-shopify-subgraph.ts';
