import { createProviderHttpClient } from '@ionflux/kit/http';
import type { Logger } from '@ionflux/kit/logging';
import type { OAuthDeps } from '@ionflux/kit/oauth';
import type { AdminApiDeps } from './admin-api-deps.ts';
import { classifyAdminResponse } from './classify-admin-response.ts';

export interface AdminApiSettings {
  SHOPIFY_API_VERSION: string;
  SHOPIFY_ADMIN_ORIGIN: string;
  SHOPIFY_ADMIN_BATCH: boolean;
}

/** The Admin API handles of the process: one provider HTTP client (pool, breaker) for every shop. */
export function createAdminApiDeps(
  oauth: OAuthDeps,
  settings: AdminApiSettings,
  logger: Logger,
  grantTicket: AdminApiDeps['grantTicket'],
): AdminApiDeps {
  return {
    oauth,
    http: createProviderHttpClient({
      provider: 'shopify',
      logger,
      classify: classifyAdminResponse,
      // A THROTTLED retry waits what the bucket needs; a 2000-point bucket refills in 20 s at most.
      maxRetryAfterMs: 20_000,
      maxConnectionsPerHost: 64,
    }),
    apiVersion: settings.SHOPIFY_API_VERSION,
    adminOriginTemplate: settings.SHOPIFY_ADMIN_ORIGIN,
    logger,
    grantTicket,
    batchLookups: settings.SHOPIFY_ADMIN_BATCH,
  };
}
