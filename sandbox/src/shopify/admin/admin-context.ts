import { GraphQLError } from 'graphql';
import type { ShopState } from '../data/shop-state.ts';
import { hasScope } from '../oauth/scopes.ts';

/** What the Admin API resolvers act on: one shop, as seen by one access token. */
export interface AdminContext {
  shop: ShopState;
  scopes: readonly string[];
  /** origin of the simulator, for URLs it serves (images, bulk results) */
  baseUrl: string;
  apiVersion: string;
  now: () => Date;
  /** inside a bulk operation connections need no `first` and page through everything */
  bulk: boolean;
  /** side effects of mutations (webhook registry, bulk runner) */
  effects: AdminEffects;
}

export interface AdminEffects {
  startBulkQuery(
    context: AdminContext,
    query: string,
  ): { ok: true; id: number } | { ok: false; message: string; code: string };
  cancelBulkOperation(context: AdminContext, id: number): boolean;
}

/** Shopify's ACCESS_DENIED error for a field the token's scopes do not cover. */
export function requireScope(context: AdminContext, scope: string, field: string): void {
  if (hasScope(context.scopes, scope)) return;
  throw new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: {
      code: 'ACCESS_DENIED',
      documentation: 'https://shopify.dev/api/usage/access-scopes',
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });
}

/** Orders older than 60 days need `read_all_orders`, as on Shopify. */
export function oldestVisibleOrder(context: AdminContext): number {
  if (hasScope(context.scopes, 'read_all_orders')) return Number.NEGATIVE_INFINITY;
  return context.now().getTime() - 60 * 86_400_000;
}
