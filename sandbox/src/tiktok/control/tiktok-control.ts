import type { ApiContext } from '../core/api-context.ts';
import type { TikTokFault, TikTokFaultQueue } from '../core/fault-queue.ts';
import type { RateLimitedEndpoint } from '../core/rate-limiter.ts';
import type { TikTokRequestLog, TikTokRequestRecord } from '../core/request-log.ts';
import { SEED_CREATOR_USERNAME } from '../data/seed-data.ts';
import type { TikTokUser } from '../data/types.ts';
import { decide } from '../oauth/authorize-page.ts';
import { readAuthorizeRequest } from '../oauth/authorize-request.ts';
import { openIdFor } from '../oauth/open-id.ts';
import type { WebhookDelivery } from '../webhooks/webhook-sender.ts';

/** An account as the control API shows it: with the open_id this app sees. */
export interface TikTokUserSummary {
  username: string;
  displayName: string;
  openId: string;
  videoCount: number;
}

/** What tests and operators can do to the TikTok simulator besides speaking the API. */
export interface TikTokControl {
  users(): TikTokUserSummary[];
  /** Adds an account with generated videos (or returns the existing one). */
  addCreator(username: string, videoCount?: number): TikTokUserSummary;
  /** The user removes the app: every token of the grant stops working, `authorization.removed` is sent. */
  revokeGrant(openId: string): boolean;
  /** Expires access tokens (default), refresh tokens or both, of one user or everyone; returns how many. */
  expireTokens(filter?: {
    openId?: string | undefined;
    kind?: 'access' | 'refresh' | 'all' | undefined;
  }): number;
  injectFault(fault: TikTokFault): void;
  clearFaults(): void;
  /** Makes a publish fail moderation; without an id, the next publish created. */
  failPublish(publishId?: string, reason?: string): boolean;
  setRateLimit(endpoint: RateLimitedEndpoint, limit: number): void;
  /** Grants or withdraws the app's Research API approval (client_credentials tokens); live tokens stay. */
  setResearchAccess(granted: boolean): void;
  /**
   * Answers an authorize URL as a user clicking Approve (or Deny) would; returns the redirect URL.
   * @default username the seeded creator
   */
  authorize(authorizeUrl: string, options?: { username?: string | undefined; deny?: boolean }): string;
  setWebhookUrl(url: string | undefined): void;
  webhookDeliveries(): WebhookDelivery[];
  /** The API requests answered so far (control requests excluded), oldest first. */
  requests(): TikTokRequestRecord[];
  clearRequests(): void;
}

export function tiktokControl(
  ctx: ApiContext,
  faults: TikTokFaultQueue,
  log: TikTokRequestLog,
): TikTokControl {
  const summary = (user: TikTokUser): TikTokUserSummary => ({
    username: user.username,
    displayName: user.displayName,
    openId: openIdFor(ctx.client.clientKey, user.userId),
    videoCount: ctx.catalog.videosOf(user.userId).length,
  });
  return {
    users: () => ctx.catalog.users().map(summary),
    addCreator: (username, videoCount) => summary(ctx.catalog.addCreator(username, videoCount)),
    revokeGrant(openId) {
      const live = ctx.grants.grants().filter((grant) => grant.openId === openId && !grant.revoked);
      for (const grant of live) {
        ctx.grants.revokeGrant(grant);
        ctx.webhooks.send('authorization.removed', openId, { reason: 1 });
      }
      return live.length > 0;
    },
    expireTokens(filter = {}) {
      if (filter.openId === undefined) return ctx.grants.expire({ kind: filter.kind });
      return ctx.grants
        .grants()
        .filter((grant) => grant.openId === filter.openId)
        .reduce((count, grant) => count + ctx.grants.expire({ grantId: grant.id, kind: filter.kind }), 0);
    },
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    failPublish(publishId, reason) {
      if (publishId === undefined) {
        ctx.publishes.failNext(reason);
        return true;
      }
      return ctx.publishes.fail(publishId, reason);
    },
    setRateLimit: (endpoint, limit) => ctx.limiter.setLimit(endpoint, limit),
    setResearchAccess(granted) {
      ctx.client.researchAccess = granted;
    },
    authorize(authorizeUrl, options = {}) {
      const params = Object.fromEntries(new URL(authorizeUrl).searchParams);
      const read = readAuthorizeRequest(ctx.client, params);
      if (!read.ok) throw new Error(`${read.error}: ${read.description}`);
      return decide(ctx, read.request, options.username ?? SEED_CREATOR_USERNAME, options.deny !== true);
    },
    setWebhookUrl(url) {
      ctx.webhooks.url = url;
    },
    webhookDeliveries: () => [...ctx.webhooks.deliveries],
    requests: () => log.list(),
    clearRequests: () => log.clear(),
  };
}
