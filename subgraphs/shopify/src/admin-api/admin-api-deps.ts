import type { ProviderHttpClient } from '@ionflux/kit/http';
import type { Logger } from '@ionflux/kit/logging';
import type { OAuthDeps } from '@ionflux/kit/oauth';

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
  /** `grantUrl` base for SCOPE_REQUIRED (the connection half's "grant more access" route). */
  /** The OAuth callback (`<IONFLUX_PUBLIC_URL>/oauth/shopify/callback`) scope grants return to. */
  oauthRedirectUri: string;
  /** Batch product/variant lookups into `nodes(ids:)` (off only to measure the difference). */
  batchLookups: boolean;
}
