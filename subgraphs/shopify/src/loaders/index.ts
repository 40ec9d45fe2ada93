export type { LoadedNode } from './node-loader.ts';
export { createNodeLoader } from './node-loader.ts';
export type { ConnectionScope, ShopifyRequestScope } from './shopify-request-scope.ts';
export { createShopifyRequestScope, requestScopeOf } from './shopify-request-scope.ts';
