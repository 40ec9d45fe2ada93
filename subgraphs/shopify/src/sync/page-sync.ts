import {
  type AdminMirrorLineItem,
  type AdminMirrorVariant,
  MIRROR_MORE_LINES,
  MIRROR_ORDER_LINES,
  MIRROR_ORDERS_PAGE,
  MIRROR_PRODUCT_VARIANTS,
  MIRROR_PRODUCTS_PAGE,
  mirrorOrdersQuery,
  mirrorProductsQuery,
  orderLineItemsQuery,
  productVariantsQuery,
} from '../admin-api/index.ts';
import { orderFromAdmin, productFromAdmin } from '../mirror/index.ts';
import { applyBatch } from './apply-batch.ts';
import { type SyncKind, updatedSinceFilter } from './mirror-bulk-queries.ts';
import type { SyncContext } from './sync-context.ts';

/**
 * A step read with paginated queries (the fallback when bulk operations fail, or by configuration):
 * pages oldest change first, each page applied with the cursor after it; line items and variants beyond
 * what a page carries are read per record. Every call goes through the shop's throttle bucket.
 */
export async function pageSync(context: SyncContext, kind: SyncKind): Promise<void> {
  const { session } = context;
  const query = updatedSinceFilter(context.checkpoint.since);
  let cursor = context.checkpoint.cursor ?? null;
  for (;;) {
    context.signal?.throwIfAborted();
    // What a page returns was read after this instant.
    const observedAt = new Date();
    if (kind === 'orders') {
      const page = await session.request(mirrorOrdersQuery, {
        first: MIRROR_ORDERS_PAGE,
        after: cursor,
        query,
        lineItems: MIRROR_ORDER_LINES,
      });
      const orders = [];
      for (const node of page.orders.nodes) {
        const lines = [...node.lineItems.nodes];
        let more = node.lineItems.pageInfo;
        while (more.hasNextPage) {
          const rest = await session.request(orderLineItemsQuery, {
            id: node.id,
            after: more.endCursor,
            first: MIRROR_MORE_LINES,
          });
          if (!rest.order) break;
          lines.push(...(rest.order.lineItems.nodes as AdminMirrorLineItem[]));
          more = rest.order.lineItems.pageInfo;
        }
        orders.push(orderFromAdmin(node, lines));
      }
      cursor = page.orders.pageInfo.endCursor;
      await applyBatch(context, { orders, observedAt }, { ...context.checkpoint, cursor });
      if (!page.orders.pageInfo.hasNextPage) return;
    } else {
      const page = await session.request(mirrorProductsQuery, {
        first: MIRROR_PRODUCTS_PAGE,
        after: cursor,
        query,
        variants: MIRROR_PRODUCT_VARIANTS,
      });
      const products = [];
      for (const node of page.products.nodes) {
        const variants = [...node.variants.nodes];
        let more = node.variants.pageInfo;
        while (more.hasNextPage) {
          const rest = await session.request(productVariantsQuery, {
            id: node.id,
            after: more.endCursor,
            first: 250,
          });
          if (!rest.product) break;
          variants.push(...(rest.product.variants.nodes as AdminMirrorVariant[]));
          more = rest.product.variants.pageInfo;
        }
        products.push(productFromAdmin(node, variants));
      }
      cursor = page.products.pageInfo.endCursor;
      await applyBatch(context, { products, observedAt }, { ...context.checkpoint, cursor });
      if (!page.products.pageInfo.hasNextPage) return;
    }
  }
}
