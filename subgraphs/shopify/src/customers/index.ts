export { CUSTOMERS_SCOPE, resolveShopifyCustomers } from './resolve-shopify-customers.ts';
