import type { Sql } from '@ionflux/kit/db';
import type { TokenCounts } from '../providers/llm-adapter.ts';

/** How a call ended, written over its `pending` ledger row. */
export interface UsageOutcome {
  status: 'success' | 'error' | 'cancelled';
  errorCode: string | null;
  keySource: 'central' | 'workspace';
  usage: TokenCounts;
  costNanoUsd: number;
  latencyMs: number;
}

// Finishes the row only while it is pending (the sweep may have closed it), and in the same statement
// releases the worst case it held against the quota and charges what the provider reported.
const STATEMENT = `
  with finished as (
    update llm.usage_ledger set
      status = $2, error_code = $3, key_source = $4, prompt_tokens = $5, completion_tokens = $6,
      total_tokens = $7, cost_nano_usd = $8, latency_ms = $9, finished_at = now()
    where id = $1 and finished_at is null
    returning workspace_id, holds_quota, reserved_tokens, reserved_cost_nano_usd
  )
  update llm.workspace_quotas q set
    reserved_tokens = greatest(0, q.reserved_tokens - f.reserved_tokens),
    reserved_cost_nano_usd = greatest(0, q.reserved_cost_nano_usd - f.reserved_cost_nano_usd),
    used_tokens = q.used_tokens + $7,
    used_cost_nano_usd = q.used_cost_nano_usd + $8,
    updated_at = now()
  from finished f
  where q.workspace_id = f.workspace_id and f.holds_quota`;

/**
 * Writes how a call ended into its ledger row and settles its quota reservation, in one statement: the
 * row and the charge commit together. Idempotent: a row already finished is left as it is.
 */
export async function finishUsage(sql: Sql, entryId: string, outcome: UsageOutcome): Promise<void> {
  await sql.unsafe(
    STATEMENT,
    [
      entryId,
      outcome.status,
      outcome.errorCode,
      outcome.keySource,
      outcome.usage.promptTokens,
      outcome.usage.completionTokens,
      outcome.usage.totalTokens,
      outcome.costNanoUsd,
      Math.round(outcome.latencyMs),
    ],
    { prepare: true },
  );
}
