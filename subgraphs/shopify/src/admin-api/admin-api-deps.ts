import type { ConnectionHealth } from '@ionflux/kit/health';
import {
  createProviderHttpClient,
  createProviderHttpMetrics,
  type ProviderHttpClient,
  type ProviderHttpMetrics,
} from '@ionflux/kit/http';
import type { Logger } from '@ionflux/kit/logging';
import type { Registry } from '@ionflux/kit/metrics';
import type { OAuthDeps, OAuthSigningKey } from '@ionflux/kit/oauth';
import type { Tracing } from '@ionflux/kit/tracing';
import { shopifyProvider } from '../registration.ts';
import { classifyAdminResponse } from './classify-admin-response.ts';
import { ShopBuckets } from './throttle-bucket.ts';

/** What talking to a shop's Admin API needs; built once per process (the subgraph's services). */
export interface AdminApiDeps {
  oauth: OAuthDeps;
  /** The kit provider client (retries, breaker, THROTTLED classification) under graphql-request. */
  http: ProviderHttpClient;
  /** The bucket model of each shop, shared by every request of the process. */
  buckets: ShopBuckets;
  /** `SHOPIFY_API_VERSION`, pinned: Shopify changes field semantics between versions. */
  apiVersion: string;
  /** `SHOPIFY_ADMIN_ORIGIN`: where a shop's admin lives, `{shop}` replaced by its domain. */
  adminOriginTemplate: string;
  logger: Logger;
  /**
   * How SCOPE_REQUIRED's grant URL is made: our start route with a signed, expiring ticket (no row is
   * written until a browser opens it).
   */
  grantTicket: { startUrl: string; key: OAuthSigningKey; ttlMs: number };
  /** Batch product/variant lookups into `nodes(ids:)` (off only to measure the difference). */
  batchLookups: boolean;
  /** The kit's provider metrics on the service's registry; the bucket's waits go in `throttleWait`. */
  metrics: ProviderHttpMetrics;
  /** Told how each Admin call through a connection ended (its health). @default nobody */
  health?: Pick<ConnectionHealth, 'record'>;
}

export interface AdminApiSettings {
  SHOPIFY_API_VERSION: string;
  SHOPIFY_ADMIN_ORIGIN: string;
  SHOPIFY_ADMIN_BATCH: boolean;
  SHOPIFY_BREAKER_FAILURES: number;
  SHOPIFY_BREAKER_HALF_OPEN_MS: number;
}

/** The Admin API handles of the process: one provider HTTP client (pool, breaker) for every shop. */
export function createAdminApiDeps(
  oauth: OAuthDeps,
  settings: AdminApiSettings,
  logger: Logger,
  grantTicket: AdminApiDeps['grantTicket'],
  registry: Registry,
  health?: Pick<ConnectionHealth, 'record'>,
  tracing?: Tracing,
): AdminApiDeps {
  return {
    oauth,
    http: createProviderHttpClient({
      provider: shopifyProvider.id,
      logger,
      registry,
      ...(tracing ? { tracing } : {}),
      classify: classifyAdminResponse,
      breaker: {
        consecutiveFailures: settings.SHOPIFY_BREAKER_FAILURES,
        halfOpenAfterMs: settings.SHOPIFY_BREAKER_HALF_OPEN_MS,
      },
      // A THROTTLED retry waits what the bucket needs; a 2000-point bucket refills in 20 s at most.
      maxRetryAfterMs: 20_000,
      maxConnectionsPerHost: 64,
    }),
    buckets: new ShopBuckets(),
    apiVersion: settings.SHOPIFY_API_VERSION,
    adminOriginTemplate: settings.SHOPIFY_ADMIN_ORIGIN,
    logger,
    grantTicket,
    batchLookups: settings.SHOPIFY_ADMIN_BATCH,
    metrics: createProviderHttpMetrics(registry),
    ...(health ? { health } : {}),
  };
}
