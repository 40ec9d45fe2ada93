import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './kit/kit-schema.ts';

/** Tables of the LLM Orchestration subgraph. */
export const llm = pgSchema('llm');

export const llmProvider = llm.enum('llm_provider', ['openai', 'anthropic', 'gemini']);

/**
 * A workspace's own API key for a provider (spec 1.2), overriding the central key for that workspace.
 * Only ciphertext is stored; `last_four` is all that is ever shown back.
 */
export const workspaceProviderKeys = llm.table(
  'workspace_provider_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    provider: llmProvider('provider').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    keyId: text('key_id').notNull(),
    lastFour: text('last_four').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('workspace_provider_keys_unique').on(t.workspaceId, t.provider)],
);

export type WorkspaceProviderKeyRow = typeof workspaceProviderKeys.$inferSelect;

/**
 * The envelope-encrypted column of `llm.workspace_provider_keys` (kit/crypto): the workspace's API key.
 * Seal with `contextFor(this, 'apiKey', row)`, the row id known before sealing; `npm run rotate-keys`
 * re-encrypts it.
 */
export const workspaceProviderKeysEncryption = {
  table: workspaceProviderKeys,
  rowId: workspaceProviderKeys.id,
  workspaceId: workspaceProviderKeys.workspaceId,
  columns: {
    apiKey: { ciphertext: workspaceProviderKeys.ciphertext, keyId: workspaceProviderKeys.keyId },
  },
} as const;

export const usageOperation = llm.enum('usage_operation', ['completion', 'stream', 'embedding']);
/**
 * `pending`: written before the provider call, finished just after the answer is sent. `interrupted`: a
 * pending row whose process died mid-call, closed by the sweep at its reserved worst case.
 */
export const usageStatus = llm.enum('usage_status', [
  'success',
  'error',
  'cancelled',
  'pending',
  'interrupted',
]);
export const keySource = llm.enum('key_source', ['central', 'workspace']);
export const quotaPeriod = llm.enum('quota_period', ['day', 'month']);

/**
 * One row per provider call (spec 1.3's tracking, auditing and cost attribution): who asked, which
 * provider and model answered, the tokens it reported, how long it took and what it cost by the price
 * table. Costs are in nano-USD so small requests do not round to zero. The row is written (`pending`,
 * with the call's worst case) in the statement that reserves quota, before the provider is called, and
 * finished when the call ends, so a call whose process dies on the way is never missing from the ledger.
 */
export const usageLedger = llm.table(
  'usage_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: text('request_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    provider: llmProvider('provider').notNull(),
    model: text('model').notNull(),
    operation: usageOperation('operation').notNull(),
    status: usageStatus('status').notNull(),
    errorCode: text('error_code'),
    keySource: keySource('key_source').notNull(),
    /** Set when the workspace fallback served the request after this provider failed. */
    fallbackFrom: llmProvider('fallback_from'),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    /**
     * What the call cost by the price table; null when the model has no list price (only a workspace's
     * own key may call such a model), so an unknown cost is never guessed.
     */
    costNanoUsd: bigint('cost_nano_usd', { mode: 'number' }).default(0),
    latencyMs: integer('latency_ms').notNull(),
    /** The call's worst case (prompt estimate + output limit), charged if its process dies mid-call. */
    reservedTokens: integer('reserved_tokens').notNull().default(0),
    /** Null, like `cost_nano_usd`, when the model has no list price. */
    reservedCostNanoUsd: bigint('reserved_cost_nano_usd', { mode: 'number' }).default(0),
    /** Whether the worst case is held against the workspace quota until the row is finished. */
    holdsQuota: boolean('holds_quota').notNull().default(false),
    /** Whether the worst-case cost is held against the platform budget (central-key calls) until then. */
    holdsBudget: boolean('holds_budget').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null while the call is in flight. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('usage_ledger_workspace_time').on(t.workspaceId, t.createdAt),
    index('usage_ledger_request').on(t.requestId),
    // The sweep looks for rows left unfinished; there are only ever a few.
    index('usage_ledger_unfinished').on(t.createdAt).where(sql`${t.finishedAt} is null`),
  ],
);

/**
 * A workspace's spending limit per period. `reserved_*` holds the worst case of requests in flight;
 * reserving is one conditional UPDATE (the row lock serialises concurrent requests on every process),
 * and settling moves the reservation into `used_*` at the reported usage.
 */
export const workspaceQuotas = llm.table('workspace_quotas', {
  workspaceId: uuid('workspace_id').primaryKey(),
  period: quotaPeriod('period').notNull(),
  maxTokens: bigint('max_tokens', { mode: 'number' }),
  maxCostNanoUsd: bigint('max_cost_nano_usd', { mode: 'number' }),
  periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
  usedTokens: bigint('used_tokens', { mode: 'number' }).notNull().default(0),
  usedCostNanoUsd: bigint('used_cost_nano_usd', { mode: 'number' }).notNull().default(0),
  reservedTokens: bigint('reserved_tokens', { mode: 'number' }).notNull().default(0),
  reservedCostNanoUsd: bigint('reserved_cost_nano_usd', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What each workspace has spent today (UTC) on IONFLUX's own provider keys, against the platform budget
 * (`LLM_WORKSPACE_DAILY_BUDGET_USD`): reserved before each central-key call, in the statement that
 * reserves the quota, and settled after, as the quota is. The budget itself is configuration, never
 * stored here, so nothing a workspace can call lifts it; a workspace's own keys are not counted.
 */
export const platformSpend = llm.table('platform_spend', {
  workspaceId: uuid('workspace_id').primaryKey(),
  dayStart: timestamp('day_start', { withTimezone: true }).notNull(),
  usedCostNanoUsd: bigint('used_cost_nano_usd', { mode: 'number' }).notNull().default(0),
  reservedCostNanoUsd: bigint('reserved_cost_nano_usd', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per-workspace LLM settings: where requests go when the chosen provider fails. */
export const workspaceSettings = llm.table('workspace_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  fallbackProvider: llmProvider('fallback_provider'),
  fallbackModel: text('fallback_model'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type UsageLedgerRow = typeof usageLedger.$inferSelect;
export type WorkspaceQuotaRow = typeof workspaceQuotas.$inferSelect;
