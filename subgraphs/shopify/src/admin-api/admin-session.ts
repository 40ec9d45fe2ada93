import { IntegrationError } from '@ionflux/kit/errors';
import { getAccessToken, markAuthInvalid, requireScopes } from '@ionflux/kit/oauth';
import { ClientError, GraphQLClient } from 'graphql-request';
import { shopifyProvider } from '../registration.ts';
import type { AdminApiDeps } from './admin-api-deps.ts';
import { readAdminCost } from './admin-cost.ts';
import type { AdminOperation } from './admin-operation.ts';
import { providerFetch } from './provider-fetch.ts';

/** Whose store a request reads: a connection of the caller's workspace. */
export interface AdminTarget {
  connectionId: string;
  workspaceId: string;
  /** The caller: a missing scope is answered with an authorization URL made for them. */
  userId: string;
}

/** One request's handle on one connected shop: a fresh token, the shop's bucket, a pinned client. */
export interface AdminSession {
  shop: string;
  scopes: readonly string[];
  /** Sends one operation; waits for the shop's bucket first. Resolves `data`; throws coded errors. */
  request<TData, TVariables extends Record<string, unknown>>(
    operation: AdminOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
  /** Throws `SCOPE_REQUIRED` (with a grant URL) unless the connection granted every scope. */
  requireScopes(required: readonly string[]): Promise<void>;
}

/**
 * Opens a session for one GraphQL request of the subgraph. The token comes from kit `getAccessToken`
 * (decrypted for this request only, refreshed when near expiry) and is never logged.
 */
export async function openAdminSession(
  deps: AdminApiDeps,
  target: AdminTarget,
  signal?: AbortSignal,
): Promise<AdminSession> {
  const token = await getAccessToken(deps.oauth, target.connectionId, target.workspaceId);
  const shop = token.accountId;
  const bucket = deps.buckets.forShop(shop);
  const endpoint = `${deps.adminOriginTemplate.replace('{shop}', shop)}/admin/api/${deps.apiVersion}/graphql.json`;
  const clientFor = (mutation: boolean) =>
    new GraphQLClient(endpoint, {
      headers: { 'X-Shopify-Access-Token': token.accessToken },
      fetch: providerFetch(deps.http, !mutation),
      ...(signal ? { signal } : {}),
    });
  const queries = clientFor(false);
  const mutations = clientFor(true);

  async function unauthorized(): Promise<never> {
    // NEEDS_REAUTH and one notification, however many requests saw the 401.
    await markAuthInvalid(
      deps.oauth,
      target.connectionId,
      target.workspaceId,
      'Shopify refused the access token (401)',
    );
    throw new IntegrationError(
      'INTEGRATION_AUTH_INVALID',
      `Reconnect Shopify store ${shop}: its authorization was revoked or the app was uninstalled.`,
      { details: { connectionId: target.connectionId, provider: shopifyProvider.id } },
    );
  }

  async function send<TData, TVariables extends Record<string, unknown>>(
    operation: AdminOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const estimate = operation.estimateCost(variables);
    const waitStarted = performance.now();
    await bucket.acquire(estimate, signal);
    const waitedMs = performance.now() - waitStarted;
    // Most calls find the bucket full; only real waits are observed, so the histogram shows throttling.
    if (waitedMs >= 1) {
      deps.metrics.throttleWait.observe({ provider: shopifyProvider.id, source: 'bucket' }, waitedMs / 1000);
    }
    const client = operation.mutation ? mutations : queries;
    try {
      const response = await client.rawRequest<Record<string, unknown>>(operation.document, variables);
      const cost = readAdminCost(response);
      if (cost) {
        bucket.observe(cost.throttleStatus);
        bucket.refund(estimate - (cost.actualQueryCost ?? cost.requestedQueryCost));
      }
      return response.data as never;
    } catch (error) {
      if (error instanceof ClientError) {
        const cost = readAdminCost(error.response);
        if (cost) bucket.observe(cost.throttleStatus);
        if (error.response.status === 401) return unauthorized();
        const first = error.response.errors?.[0];
        const code = (first?.extensions as { code?: unknown } | undefined)?.code;
        if (code === 'ACCESS_DENIED') {
          throw new IntegrationError(
            'PROVIDER_API_ERROR',
            `Shopify denied ${operation.name}: ${first?.message}`,
            {
              details: { provider: shopifyProvider.id, operation: operation.name },
            },
          );
        }
        deps.logger.warn(
          { shop, operation: operation.name, status: error.response.status, code },
          'shopify admin call failed',
        );
        throw new IntegrationError(
          'PROVIDER_API_ERROR',
          `Shopify refused ${operation.name} (${String(code ?? error.response.status)}).`,
          { details: { provider: shopifyProvider.id, operation: operation.name } },
        );
      }
      throw error;
    }
  }

  return {
    shop,
    scopes: token.scopes,
    async request(operation, variables) {
      try {
        const data = await send(operation, variables);
        deps.health?.record(target.connectionId, { ok: true });
        return data;
      } catch (error) {
        // A request the caller abandoned says nothing about the store.
        if (!signal?.aborted) {
          const code = error instanceof IntegrationError ? error.code : 'INTERNAL';
          deps.health?.record(target.connectionId, { ok: false, code });
        }
        throw error;
      }
    },
    requireScopes: (required) =>
      requireScopes(deps.oauth, {
        connection: {
          id: target.connectionId,
          workspace_id: target.workspaceId,
          provider: shopifyProvider.id,
          scopes: [...token.scopes],
        },
        required,
        // The grant URL is our start route with a signed ticket for this caller, connection and the
        // missing scopes; opening it binds the browser and asks Shopify for granted + missing scopes, and
        // the callback widens the connection. Nothing is stored until then.
        grantTicket: { ...deps.grantTicket, userId: target.userId },
      }),
  };
}
