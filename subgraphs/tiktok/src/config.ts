import { parseEnv, portVar, requireIdentityKey, subgraphEnv } from '@ionflux/kit/config';
import { z } from 'zod';

const tiktokEnvSchema = z.object({
  ...subgraphEnv,
  TIKTOK_SUBGRAPH_PORT: portVar(4003),
});

export type TikTokConfig = z.output<typeof tiktokEnvSchema>;

/** Reads the TikTok subgraph's env once, failing with every bad key named. */
export function parseTikTokConfig(env: Readonly<Record<string, string | undefined>>): TikTokConfig {
  return parseEnv('tiktok subgraph', requireIdentityKey(tiktokEnvSchema), env);
}
