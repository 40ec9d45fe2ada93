import { IntegrationError } from '@ionflux/kit/errors';
import type DataLoader from 'dataloader';
import { type AdminApiDeps, type AdminSession, openAdminSession } from '../admin-api/index.ts';
import { createNodeLoader, type LoadedNode } from './node-loader.ts';

/** One connection's handles within one GraphQL request. */
export interface ConnectionScope {
  connectionId: string;
  session: AdminSession;
  nodes: DataLoader<string, LoadedNode | null>;
}

/** Per GraphQL request: sessions and loaders per connection, opened on first use and then shared. */
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

const scopes = new WeakMap<object, ShopifyRequestScope>();

/** The request scope of a resolver context (one per GraphQL request), made on first use. */
export function requestScopeOf(context: {
  admin: AdminApiDeps | undefined;
  identity: { workspaceId: string; userId: string };
}): ShopifyRequestScope {
  let scope = scopes.get(context);
  if (!scope) {
    const { workspaceId, userId } = context.identity;
    scope = createShopifyRequestScope(context.admin, { workspaceId, userId });
    scopes.set(context, scope);
  }
  return scope;
}
