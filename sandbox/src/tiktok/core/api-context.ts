import type { Catalog } from '../data/catalog.ts';
import type { GrantStore } from '../oauth/grant-store.ts';
import type { PublishStore } from '../posting/publish-store.ts';
import type { WebhookSender } from '../webhooks/webhook-sender.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** The app the simulator plays TikTok for, and how strictly it treats it. */
export interface ClientConfig {
  clientKey: string;
  clientSecret: string;
  /** Registered redirect URIs; when empty any URI is accepted. */
  redirectUris: readonly string[];
  /** Unaudited apps may only post with privacy SELF_ONLY. */
  audited: boolean;
  /** Hosts whose URLs PULL_FROM_URL accepts (verified domains). */
  verifiedDomains: readonly string[];
  /** Whether the app may obtain client tokens for the Research API. */
  researchAccess: boolean;
}

/** Everything a TikTok route handler needs, passed in rather than imported. */
export interface ApiContext {
  client: ClientConfig;
  catalog: Catalog;
  grants: GrantStore;
  publishes: PublishStore;
  limiter: RateLimiter;
  webhooks: WebhookSender;
  now: () => Date;
  /** The simulator's own origin, for upload URLs. */
  origin: () => string;
}
