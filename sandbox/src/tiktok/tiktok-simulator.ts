import type { AddressInfo } from 'node:net';
import express from 'express';
import { controlRouter } from './control/control-router.ts';
import { type TikTokControl, tiktokControl } from './control/tiktok-control.ts';
import type { ApiContext } from './core/api-context.ts';
import { faultMiddleware } from './core/fault-middleware.ts';
import { TikTokFaultQueue } from './core/fault-queue.ts';
import { type RateLimitedEndpoint, RateLimiter } from './core/rate-limiter.ts';
import { TikTokRequestLog } from './core/request-log.ts';
import { Catalog } from './data/catalog.ts';
import { GrantStore } from './oauth/grant-store.ts';
import { settlePublish } from './posting/publish-settlement.ts';
import { PublishStore } from './posting/publish-store.ts';
import { mountTikTokRoutes } from './tiktok-routes.ts';
import { WebhookSender } from './webhooks/webhook-sender.ts';

export interface TikTokSimulatorOptions {
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** @default '127.0.0.1' */
  host?: string | undefined;
  /** The app's credentials (`TIKTOK_CLIENT_KEY` / `TIKTOK_CLIENT_SECRET`). */
  clientKey: string;
  clientSecret: string;
  /** Generate the creator's videos and the public videos the Research API searches. @default true */
  seed?: boolean | undefined;
  /** The clock for token expiry, rate limits, publish progress and seeded dates. @default () => new Date() */
  now?: (() => Date) | undefined;
  /** Registered redirect URIs; any URI is accepted when empty. @default [] */
  redirectUris?: string[] | undefined;
  /** @default 86400 */
  accessTokenTtlSeconds?: number | undefined;
  /** @default 31536000 */
  refreshTokenTtlSeconds?: number | undefined;
  /** Requests per window per token, overriding TikTok's documented limits. */
  rateLimits?: Partial<Record<RateLimitedEndpoint, number>> | undefined;
  /** How long a publish stays in processing once its bytes are in. @default 2000 */
  publishProcessingMs?: number | undefined;
  /** How long a PULL_FROM_URL download takes. @default 1000 */
  publishDownloadMs?: number | undefined;
  /** An audited app may post publicly; an unaudited one only SELF_ONLY. @default true */
  audited?: boolean | undefined;
  /** Hosts PULL_FROM_URL accepts. @default ['localhost', '127.0.0.1'] */
  verifiedDomains?: string[] | undefined;
  /** Whether client_credentials tokens (Research API) are granted. @default true */
  researchAccess?: boolean | undefined;
  /** The app's webhook callback URL; no webhooks are sent without one. */
  webhookUrl?: string | undefined;
}

export interface TikTokSimulator extends TikTokControl {
  /** The origin serving the authorize page, the API and uploads: both `TIKTOK_AUTH_ORIGIN` and `TIKTOK_API_ORIGIN`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the TikTok simulator: Login Kit, Display, Content Posting and Research APIs on one origin. */
export async function startTikTokSimulator(options: TikTokSimulatorOptions): Promise<TikTokSimulator> {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  let origin = '';
  const catalog = new Catalog(now, options.seed ?? true);
  const webhooks = new WebhookSender({
    clientKey: options.clientKey,
    clientSecret: options.clientSecret,
    url: options.webhookUrl,
    now,
  });
  const ctx: ApiContext = {
    client: {
      clientKey: options.clientKey,
      clientSecret: options.clientSecret,
      redirectUris: options.redirectUris ?? [],
      audited: options.audited ?? true,
      verifiedDomains: options.verifiedDomains ?? ['localhost', '127.0.0.1'],
      researchAccess: options.researchAccess ?? true,
    },
    catalog,
    grants: new GrantStore(nowMs, {
      accessSeconds: options.accessTokenTtlSeconds ?? 86_400,
      refreshSeconds: options.refreshTokenTtlSeconds ?? 31_536_000,
      codeSeconds: 600,
      clientSeconds: 7200,
    }),
    publishes: new PublishStore(
      nowMs,
      { processingMs: options.publishProcessingMs ?? 2000, downloadMs: options.publishDownloadMs ?? 1000 },
      settlePublish(catalog, webhooks, now),
    ),
    limiter: new RateLimiter(options.rateLimits),
    webhooks,
    now,
    origin: () => origin,
  };
  const faults = new TikTokFaultQueue();
  const log = new TikTokRequestLog();
  const control = tiktokControl(ctx, faults, log);
  const app = express();
  app.disable('x-powered-by');
  app.use('/_control', controlRouter(control));
  app.use(log.middleware(now));
  app.use(faultMiddleware(faults, now));
  mountTikTokRoutes(app, ctx);
  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  // Publishes settle on their own too, so webhooks go out even when nobody polls the status.
  const ticker = setInterval(() => ctx.publishes.settleDue(), 250);
  ticker.unref();
  return {
    ...control,
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        webhooks.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
