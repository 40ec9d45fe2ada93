export type { ShopifyConfig, ShopifyWorkerConfig } from './config.ts';
export { parseShopifyConfig, parseShopifyWorkerConfig } from './config.ts';
export type { ShopifyApp, ShopifyServices } from './services.ts';
export { createShopifyServices } from './services.ts';
export { startShopifySubgraph } from './start-shopify-subgraph.ts';
export type { RunningShopifyWorker } from './start-shopify-worker.ts';
export { startShopifyJobWorker, startShopifyWorker } from './start-shopify-worker.ts';
