import { commonEnv, optionalString, parseEnv, portVar, secretVar } from '@ionflux/kit/config';
import { z } from 'zod';
import { DEFAULT_WORKSPACE_LIMITS } from './limits/workspace-limiter.ts';

const subgraphUrl = (defaultUrl: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.url().default(defaultUrl));

const positive = (fallback: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().positive().default(fallback));
const positiveInt = (fallback: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().default(fallback));

const gatewayEnvSchema = z
  .object({
    ...commonEnv,
    PORT: portVar(4000),
    IONFLUX_JWT_SECRET: optionalString().pipe(
      z.string().min(32, 'IONFLUX_JWT_SECRET must be at least 32 characters').optional(),
    ),
    IONFLUX_JWKS_URL: optionalString().pipe(z.url('IONFLUX_JWKS_URL must be a URL').optional()),
    /** Checked when set: the `iss` and `aud` callers' JWTs must carry. */
    IONFLUX_JWT_ISSUER: optionalString(),
    IONFLUX_JWT_AUDIENCE: optionalString(),
    IONFLUX_INTERNAL_SECRET: secretVar('IONFLUX_INTERNAL_SECRET'),
    LLM_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4001/graphql'),
    SHOPIFY_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4002/graphql'),
    TIKTOK_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4003/graphql'),
    /**
     * Per-workspace limits of each gateway process (gateway/src/limits/workspace-limiter.ts): requests
     * per second sustained, the burst allowed after a quiet spell, queries and mutations served at once.
     * Past them: RATE_LIMITED, HTTP 429 with Retry-After. @default 50, 100, 64
     */
    GATEWAY_WORKSPACE_RATE_PER_SECOND: positive(DEFAULT_WORKSPACE_LIMITS.ratePerSecond),
    GATEWAY_WORKSPACE_BURST: positiveInt(DEFAULT_WORKSPACE_LIMITS.burst),
    GATEWAY_WORKSPACE_MAX_IN_FLIGHT: positiveInt(DEFAULT_WORKSPACE_LIMITS.maxInFlight),
    /**
     * How long a refused query or mutation is held before its 429 is sent (0: at once), so a client
     * that ignores Retry-After cannot keep the gateway busy refusing it. @default 1000
     */
    GATEWAY_RATE_LIMITED_HOLD_MS: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(0).max(10_000).default(1000),
    ),
    /** Development only: a token the playground's header editor starts with. */
    IONFLUX_PLAYGROUND_TOKEN: optionalString(),
  })
  .refine((env) => env.IONFLUX_JWT_SECRET || env.IONFLUX_JWKS_URL, {
    message: 'set IONFLUX_JWT_SECRET (HS256) or IONFLUX_JWKS_URL to verify callers',
    path: ['IONFLUX_JWT_SECRET'],
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.IONFLUX_PLAYGROUND_TOKEN), {
    message: 'IONFLUX_PLAYGROUND_TOKEN is a development convenience; unset it in production',
    path: ['IONFLUX_PLAYGROUND_TOKEN'],
  });

export type GatewayConfig = z.output<typeof gatewayEnvSchema>;

/** Reads the gateway's env once, failing with every bad key named. */
export function parseGatewayConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  return parseEnv('gateway', gatewayEnvSchema, env);
}
