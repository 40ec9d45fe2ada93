import type { ProviderHttpClient } from '@ionflux/kit/http';
import type { Logger } from '@ionflux/kit/logging';
import type { OAuthDeps, OAuthSigningKey } from '@ionflux/kit/oauth';

/** What talking to a shop's Admin API needs; built once per process. */
export interface AdminApiDeps {
  oauth: OAuthDeps;
  /** The kit provider client (retries, breaker, THROTTLED classification) under graphql-request. */
  http: ProviderHttpClient;
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
}
