import { availableParallelism } from 'node:os';
import {
  commonEnv,
  durationSecondsVar,
  optionalString,
  parseEnv,
  portVar,
  secretVar,
} from '@ionflux/kit/config';
import { z } from 'zod';
import { DEFAULT_WORKSPACE_LIMITS } from './limits/workspace-limiter.ts';

const subgraphUrl = (defaultUrl: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.url().default(defaultUrl));
const optionalUrl = (name: string) => optionalString().pipe(z.url(`${name} must be a URL`).optional());

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
    /** Checked when set: the `iss` and `aud` callers' JWTs must carry (a token without them is refused). */
    IONFLUX_JWT_ISSUER: optionalString(),
    IONFLUX_JWT_AUDIENCE: optionalString(),
    /**
     * Longest lifetime a caller's JWT may have (`exp` minus `iat`, or minus now without `iat`); longer-lived
     * tokens are refused, as are tokens without `exp`. @default '24h'
     */
    IONFLUX_JWT_MAX_LIFETIME: durationSecondsVar('IONFLUX_JWT_MAX_LIFETIME', '24h'),
    /** Derives the Ed25519 key that signs the identity forwarded to subgraphs; never leaves the gateway. */
    IONFLUX_INTERNAL_SECRET: secretVar('IONFLUX_INTERNAL_SECRET'),
    LLM_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4001/graphql'),
    SHOPIFY_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4002/graphql'),
    TIKTOK_SUBGRAPH_URL: subgraphUrl('http://127.0.0.1:4003/graphql'),
    /**
     * Where the gateway asks a subgraph's `/readyz` when that subgraph serves it on its `ADMIN_PORT`
     * (its admin origin, e.g. `http://10.0.0.7:9101`). @default the subgraph URL's origin
     */
    LLM_SUBGRAPH_ADMIN_URL: optionalUrl('LLM_SUBGRAPH_ADMIN_URL'),
    SHOPIFY_SUBGRAPH_ADMIN_URL: optionalUrl('SHOPIFY_SUBGRAPH_ADMIN_URL'),
    TIKTOK_SUBGRAPH_ADMIN_URL: optionalUrl('TIKTOK_SUBGRAPH_ADMIN_URL'),
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
    /**
     * Who executes query plans: `compiled` (plans kept with a compiled shaper of their answer,
     * gateway/src/execution) or `apollo` (@apollo/gateway's own executor, the reference it is checked
     * against). @default 'compiled'
     */
    GATEWAY_EXECUTOR: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['compiled', 'apollo']).default('compiled'),
    ),
    /**
     * Identical work in flight done once: queries with the same document, variables and caller
     * (workspace and user), and subgraph fetches with the same subgraph, body and caller; never across
     * callers, never for mutations (gateway/src/sharing). @default 'on'
     */
    GATEWAY_SHARING: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['on', 'off']).default('on')),
    /**
     * Gateway processes sharing the port (node:cluster workers, each a whole gateway with its own plan
     * cache and per-workspace limits; 1: no cluster, the gateway runs in the started process).
     * @default the machine's core count (os.availableParallelism())
     */
    GATEWAY_WORKERS: positiveInt(availableParallelism()),
    /**
     * A persisted query manifest (`npm run operations:register -- <dir>` writes one): its operations are
     * planned at start by every worker and served by hash (`extensions.persistedQuery.sha256Hash`).
     */
    GATEWAY_TRUSTED_DOCUMENTS: optionalString(),
    /**
     * `on`: only the operations of GATEWAY_TRUSTED_DOCUMENTS are executed, any other is refused with 403
     * FORBIDDEN before parsing, and APQ registers nothing new. @default 'off'
     */
    GATEWAY_SAFELIST: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['on', 'off']).default('off')),
    /**
     * Largest request body of the LLM doors (`POST /llm/v1/completions`, `/llm/openai/v1/*`); larger
     * ones get 413 and reach no one. @default 1048576 (1 MiB)
     */
    GATEWAY_LLM_MAX_BODY_BYTES: positiveInt(1024 * 1024),
    /**
     * How long the LLM subgraph has to start answering an LLM door's request (its retries and fallback
     * included); then 504. A started stream is not cut by it. @default 300000
     */
    GATEWAY_LLM_HEADERS_TIMEOUT_MS: positiveInt(300_000),
    /**
     * The largest file `POST /uploads/tiktok` forwards (the TikTok subgraph reads the same variable):
     * a larger declared Content-Length is 413 before a byte is read. @default 268435456 (256 MiB)
     */
    TIKTOK_UPLOAD_MAX_BYTES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number()
        .int()
        .positive()
        .max(4 * 1024 ** 3)
        .default(256 * 1024 ** 2),
    ),
    /** Development only: a token the playground's header editor starts with. */
    IONFLUX_PLAYGROUND_TOKEN: optionalString(),
  })
  .refine((env) => env.IONFLUX_JWT_SECRET || env.IONFLUX_JWKS_URL, {
    message: 'set IONFLUX_JWT_SECRET (HS256) or IONFLUX_JWKS_URL to verify callers',
    path: ['IONFLUX_JWT_SECRET'],
  })
  .refine((env) => env.GATEWAY_SAFELIST === 'off' || env.GATEWAY_TRUSTED_DOCUMENTS, {
    message:
      'GATEWAY_SAFELIST=on needs GATEWAY_TRUSTED_DOCUMENTS (the manifest of the operations it accepts)',
    path: ['GATEWAY_SAFELIST'],
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
