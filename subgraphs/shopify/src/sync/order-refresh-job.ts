/** The job that re-reads one order from the Admin API (exact shop-money refunds). */
export const ORDER_REFRESH_TASK = 'shopify.order.refresh';

/** The refresh job of an order: keyed, so many webhooks of one order queue one refresh. */
export function orderRefreshJob(connectionId: string, orderId: string) {
  return { payload: { connectionId, orderId }, key: `shopify-order-refresh:${connectionId}:${orderId}` };
}
