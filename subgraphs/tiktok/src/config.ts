import { optionalString, parseEnv, portVar, requireIdentityKey, subgraphEnv } from '@ionflux/kit/config';
import { connectionHealthEnv } from '@ionflux/kit/health';
import { secretsEnv } from '@ionflux/kit/secrets';
import { webhookProcessingEnv } from '@ionflux/kit/webhooks';
import { z } from 'zod';
import { pullOriginsVar } from './publish/pull-origins.ts';
import { uploadMaxBytesVar } from './uploads/upload-limits.ts';

const tiktokEnvSchema = z.object({
  ...subgraphEnv,
  ...secretsEnv,
  // Health of connections (spec 4.E) from the API calls, publish uploads and token refreshes made
  // through them: the same variables, and defaults, as the Shopify subgraph's.
  ...connectionHealthEnv,
  ...webhookProcessingEnv,
  TIKTOK_SUBGRAPH_PORT: portVar(4003),
  // The app's credentials and the master key are read through the secrets provider; with the default
  // `env` provider these are where it finds them.
  TIKTOK_CLIENT_KEY: optionalString(),
  TIKTOK_CLIENT_SECRET: optionalString(),
  IONFLUX_MASTER_KEY: optionalString(),
  IONFLUX_MASTER_KEYS_PREVIOUS: optionalString(),
  /** Serves Login Kit's authorize page. @default 'https://www.tiktok.com' */
  TIKTOK_AUTH_ORIGIN: z.url().default('https://www.tiktok.com'),
  /** Serves the token, revoke, Display, Content Posting and Research APIs. @default 'https://open.tiktokapis.com' */
  TIKTOK_API_ORIGIN: z.url().default('https://open.tiktokapis.com'),
  /** The public origin (the gateway's) that OAuth callbacks are addressed to. @default 'http://localhost:4000' */
  IONFLUX_PUBLIC_URL: z.url().default('http://localhost:4000'),
  /** Where the browser lands after the OAuth callback; unset → a plain result page. */
  TIKTOK_OAUTH_RETURN_URL: optionalString(),
  /** When connected accounts' access tokens are refreshed ahead of expiry (UTC crontab). @default every 10 minutes */
  TIKTOK_REFRESH_CRON: z.string().min(9).default('*/10 * * * *'),
  /** The sweep refreshes tokens expiring within this many minutes. @default 60 */
  TIKTOK_REFRESH_WITHIN_MINUTES: z.coerce.number().int().positive().default(60),
  /**
   * Origins (scheme://host[:port], comma-separated) whose URLs `publishTikTokVideo` may hand TikTok for
   * PULL_FROM_URL; they must also be verified for the app at TikTok. Empty: PULL_FROM_URL is refused.
   * `npm start` in sandbox mode sets the simulator's origin. @default ''
   */
  TIKTOK_PULL_ORIGINS: pullOriginsVar(),
  /**
   * The largest file `POST /uploads/tiktok` stores (also checked by the gateway); larger is 413 with
   * nothing stored. TikTok takes up to 4 GiB; files live in Postgres until TikTok has them.
   * @default 268435456 (256 MiB)
   */
  TIKTOK_UPLOAD_MAX_BYTES: uploadMaxBytesVar(),
  /** Hours an upload no publish took is kept before it is deleted. @default 24 */
  TIKTOK_UPLOAD_TTL_HOURS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(720).default(24),
  ),
});

export type TikTokConfig = z.output<typeof tiktokEnvSchema>;

/** Reads the TikTok subgraph's env once, failing with every bad key named. */
export function parseTikTokConfig(env: Readonly<Record<string, string | undefined>>): TikTokConfig {
  return parseEnv('tiktok subgraph', requireIdentityKey(tiktokEnvSchema), env);
}
