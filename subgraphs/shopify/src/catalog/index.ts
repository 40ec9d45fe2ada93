export { loadProduct } from './load-product.ts';
export { pageSize } from './page-size.ts';
export { resolveShopifyProducts } from './resolve-shopify-products.ts';
export { resolveShopifyShop } from './resolve-shopify-shop.ts';
