export { applyAppUninstalled } from './apply-app-uninstalled.ts';
export { disconnectShopifyConnection } from './disconnect-shopify-connection.ts';
export { onAdminUnauthorized } from './on-admin-unauthorized.ts';
