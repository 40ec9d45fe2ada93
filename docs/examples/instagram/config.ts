import { optionalString, parseEnv, portVar, requireIdentityKey, subgraphEnv } from '@ionflux/kit/config';
import { secretsEnv } from '@ionflux/kit/secrets';
import { z } from 'zod';

const instagramEnvSchema = z.object({
  ...subgraphEnv,
  ...secretsEnv,
  INSTAGRAM_SUBGRAPH_PORT: portVar(4004),
  // Read through the secrets provider; with the default `env` provider this is where it finds them.
  INSTAGRAM_APP_ID: optionalString(),
  INSTAGRAM_APP_SECRET: optionalString(),
  IONFLUX_MASTER_KEY: optionalString(),
  IONFLUX_MASTER_KEYS_PREVIOUS: optionalString(),
  /** Serves `/authorize`, `/token`, `/revoke` and `/userinfo` (the worked example's generic OAuth 2.0 wire). */
  INSTAGRAM_OAUTH_ORIGIN: z.url(),
  /** The public origin (the gateway's) that OAuth callbacks are addressed to. @default 'http://localhost:4000' */
  IONFLUX_PUBLIC_URL: z.url().default('http://localhost:4000'),
});

export type InstagramConfig = z.output<typeof instagramEnvSchema>;

/** Reads the Instagram subgraph's env once, failing with every bad key named. */
export function parseInstagramConfig(env: Readonly<Record<string, string | undefined>>): InstagramConfig {
  return parseEnv('instagram subgraph', requireIdentityKey(instagramEnvSchema), env);
}
