import { optionalString, parseEnv, portVar, requireIdentityKey, subgraphEnv } from '@ionflux/kit/config';
import { secretsEnv } from '@ionflux/kit/secrets';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const llmEnvSchema = z.object({
  ...subgraphEnv,
  ...secretsEnv,
  LLM_SUBGRAPH_PORT: portVar(4001),
  // The central keys (spec 1.2) and the master key are read through the secrets provider; with the
  // default `env` provider these are where it finds them.
  OPENAI_API_KEY: optionalString(),
  ANTHROPIC_API_KEY: optionalString(),
  GEMINI_API_KEY: optionalString(),
  IONFLUX_MASTER_KEY: optionalString(),
  IONFLUX_MASTER_KEYS_PREVIOUS: optionalString(),
  OPENAI_BASE_URL: optionalString(),
  ANTHROPIC_BASE_URL: optionalString(),
  GEMINI_BASE_URL: optionalString(),
  /** Per attempt, from sending to the last byte. @default 60000 */
  LLM_TIMEOUT_MS: positiveInt(60_000),
  /** Attempts per provider call, the first included. @default 3 */
  LLM_MAX_ATTEMPTS: positiveInt(3),
  /** Longest Retry-After worth waiting for inside one request. @default 10000 */
  LLM_MAX_RETRY_AFTER_MS: positiveInt(10_000),
  /** Consecutive failed attempts that open a provider's circuit breaker. @default 5 */
  LLM_BREAKER_FAILURES: positiveInt(5),
  /** How long an open breaker waits before letting one call try. @default 30000 */
  LLM_BREAKER_HALF_OPEN_MS: positiveInt(30_000),
  /**
   * Output tokens reserved (and sent as the limit) when the caller sets no maxTokens and the call is held
   * to a workspace quota or the platform budget, so the worst case is bounded. @default 1024
   */
  LLM_DEFAULT_MAX_TOKENS: positiveInt(1024),
  /**
   * The platform budget: what one workspace may spend per UTC day on IONFLUX's own (central) provider
   * keys, in USD, reserved at each call's worst case before it is sent (as the quota is) and enforced in
   * Postgres across every instance. Set by operators only: no API call lifts it, and a workspace's own
   * keys do not count against it. `off` for no budget; 0 refuses every central-key call. @default 25
   */
  LLM_WORKSPACE_DAILY_BUDGET_USD: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .union([z.literal('off'), z.coerce.number().min(0).max(1_000_000)], {
          error: 'LLM_WORKSPACE_DAILY_BUDGET_USD must be a USD amount (e.g. 25) or off',
        })
        .default(25),
    )
    .transform((v) => (v === 'off' ? null : v)),
  /**
   * LLM calls (completions, embeddings, `aiSummary`s) one gateway request may make, counted per
   * request id on each instance; the ones past it are refused (INVALID_REQUEST) and the rest go ahead.
   * Bounds the fan-out of one query (aliases × list items × aiSummary). @default 50
   */
  LLM_MAX_CALLS_PER_REQUEST: positiveInt(50),
  /**
   * Whether the per-call ledger statements wait for their WAL to reach disk. Off by default: a commit
   * still survives any crash of this process and is visible at once; only a PostgreSQL crash within
   * about 0.6 s of it could lose it, and the wait (a few tenths of a millisecond per statement, more
   * under load) sits on every completion's path. @default false
   */
  LLM_LEDGER_SYNCHRONOUS_COMMIT: z.stringbool().default(false),
  /**
   * A ledger row still pending after this long belongs to a process that died mid-call; it is closed as
   * `interrupted` at its worst case. Must exceed the longest call (streams included). @default 3600000
   */
  LLM_LEDGER_STALE_AFTER_MS: positiveInt(3_600_000),
  /** How often each instance looks for such rows. @default 60000 */
  LLM_LEDGER_SWEEP_MS: positiveInt(60_000),
  /**
   * How long finished calls wait to be written together (0: at the end of the event-loop turn), so a
   * steady stream of calls sends one statement per period rather than one per call (each is a write
   * that wakes the database). A finish waits at most this long in memory and is drained on shutdown.
   * @default 10
   */
  LLM_LEDGER_FLUSH_MS: z.coerce.number().int().min(0).max(1_000).default(10),
});

export type LlmConfig = z.output<typeof llmEnvSchema>;

/** Reads the LLM subgraph's env once, failing with every bad key named. */
export function parseLlmConfig(env: Readonly<Record<string, string | undefined>>): LlmConfig {
  return parseEnv('llm subgraph', requireIdentityKey(llmEnvSchema), env);
}
