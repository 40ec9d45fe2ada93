export type { AdminBulkOperation, BulkOperationStatus } from './bulk-operations.ts';
export { bulkOperationQuery, bulkOperationRunQuery, currentBulkOperationQuery } from './bulk-operations.ts';
export type { AdminCustomer } from './customers-query.ts';
export { customersQuery, MAX_CUSTOMERS_PAGE } from './customers-query.ts';
export type { DiscountCodeCreateResult, DiscountCodeCreateVariables } from './discount-code-create.ts';
export { discountCodeCreate } from './discount-code-create.ts';
export type { AdminMirrorLineItem, AdminMirrorOrder } from './mirror-order-fields.ts';
export {
  MIRROR_LINE_ITEM_SELECTION,
  MIRROR_ORDER_SELECTION,
  MIRROR_REFUNDS,
} from './mirror-order-fields.ts';
export type { MirrorOrdersPage } from './mirror-orders-query.ts';
export {
  MIRROR_MORE_LINES,
  MIRROR_ORDER_LINES,
  MIRROR_ORDERS_PAGE,
  mirrorOrderQuery,
  mirrorOrdersQuery,
  orderLineItemsQuery,
} from './mirror-orders-query.ts';
export type { AdminMirrorProduct, AdminMirrorVariant, MirrorProductsPage } from './mirror-products-query.ts';
export {
  MIRROR_PRODUCT_SELECTION,
  MIRROR_PRODUCT_VARIANTS,
  MIRROR_PRODUCTS_PAGE,
  MIRROR_VARIANT_SELECTION,
  mirrorProductsQuery,
  productVariantsQuery,
} from './mirror-products-query.ts';
export type { AdminNode, AdminVariantNode } from './nodes-query.ts';
export { MAX_NODE_IDS, NODES_PER_CALL, nodesQuery } from './nodes-query.ts';
export type { AdminOrder, OrdersPageVariables } from './orders-query.ts';
export { lineItemsWindow, MAX_ORDERS_PAGE, orderQuery, ordersQuery } from './orders-query.ts';
export type { AdminProduct } from './product-fields.ts';
export type { PageInfo, ProductsPageVariables } from './products-query.ts';
export { MAX_PRODUCTS_PAGE, productsQuery } from './products-query.ts';
export type { AdminShop } from './shop-query.ts';
export { shopQuery } from './shop-query.ts';
export type { AdminWebhookSubscription, WebhookUserError } from './webhook-subscriptions.ts';
export {
  WEBHOOK_SUBSCRIPTIONS_PAGE,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  webhookSubscriptionsQuery,
} from './webhook-subscriptions.ts';
