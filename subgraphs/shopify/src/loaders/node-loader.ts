import DataLoader from 'dataloader';
import { type AdminNode, type AdminSession, NODES_PER_CALL, nodesQuery } from '../admin-api/index.ts';

/** A node as loaded, with the shop currency its prices are in (one `shop` field per batch). */
export interface LoadedNode {
  node: AdminNode;
  shopCurrency: string;
}

/**
 * Per request and connection: every product / variant lookup made while resolving one GraphQL request
 * (50 orders × their line items' products) goes out as `nodes(ids:)` calls — deduplicated by the cache,
 * at most {@link NODES_PER_CALL} ids each so a call stays under Shopify's 1000 cost (and 250 ids).
 */
export function createNodeLoader(
  session: AdminSession,
  options: { batch?: boolean } = {},
): DataLoader<string, LoadedNode | null> {
  return new DataLoader<string, LoadedNode | null>(
    async (ids) => {
      const data = await session.request(nodesQuery, { ids: [...ids] });
      const byId = new Map<string, AdminNode>();
      for (const node of data.nodes) if (node) byId.set(node.id, node);
      return ids.map((id) => {
        const node = byId.get(id);
        return node ? { node, shopCurrency: data.shop.currencyCode } : null;
      });
    },
    // `batch: false` exists for the benchmark's side-by-side (one call per lookup).
    { maxBatchSize: NODES_PER_CALL, batch: options.batch ?? true },
  );
}
