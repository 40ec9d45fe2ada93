import { IntegrationError } from '@ionflux/kit/errors';
import DataLoader from 'dataloader';
import {
  type AdminApiDeps,
  type AdminNode,
  type AdminSession,
  NODES_PER_CALL,
  nodesQuery,
  openAdminSession,
} from '../admin-api/index.ts';

/** A node as loaded, with the shop currency its prices are in (one `shop` field per batch). */
export interface LoadedNode {
  node: AdminNode;
  shopCurrency: string;
}

/** One connection's handles within one GraphQL request. */
export interface ConnectionScope {
  connectionId: string;
  session: AdminSession;
  nodes: DataLoader<string, LoadedNode | null>;
}

/**
 * Per GraphQL request (the resolver context's `stores`): sessions and loaders per connection, opened on
 * first use and then shared by every field of the request.
 */
export interface ShopifyRequestScope {
  connection(connectionId: string): Promise<ConnectionScope>;
}

/** Builds the request scope; nothing is opened (no token read) until a resolver asks for a connection. */
export function createShopifyRequestScope(
  deps: AdminApiDeps | undefined,
  caller: { workspaceId: string; userId: string },
  signal?: AbortSignal,
): ShopifyRequestScope {
  const scopes = new Map<string, Promise<ConnectionScope>>();
  return {
    connection(connectionId) {
      let scope = scopes.get(connectionId);
      if (!scope) {
        if (!deps) {
          throw new IntegrationError(
            'INTERNAL',
            'Shopify is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and IONFLUX_MASTER_KEY.',
          );
        }
        scope = openAdminSession(deps, { connectionId, ...caller }, signal).then((session) => ({
          connectionId,
          session,
          nodes: createNodeLoader(session, { batch: deps.batchLookups }),
        }));
        // A failed open (not connected, revoked) is not cached: the next field may retry after a reconnect.
        scope.catch(() => scopes.delete(connectionId));
        scopes.set(connectionId, scope);
      }
      return scope;
    },
  };
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
