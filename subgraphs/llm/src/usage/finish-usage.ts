import type { Sql } from '@ionflux/kit/db';
import type { TokenCounts } from '../providers/llm-adapter.ts';
import { settleBudgets } from './settle-budgets.ts';
import { settleQuotas } from './settle-quotas.ts';

/** How a call ended, written over its `pending` ledger row. */
export interface UsageOutcome {
  /** The provider called: a label of the usage metrics, not written (the row has it since it opened). */
  provider: string;
  status: 'success' | 'error' | 'cancelled';
  errorCode: string | null;
  keySource: 'central' | 'workspace';
  usage: TokenCounts;
  /** Null when the model has no list price. */
  costNanoUsd: number | null;
  latencyMs: number;
}

export interface FinishedUsage {
  entryId: string;
  outcome: UsageOutcome;
}

// Finishes the rows still pending (the sweep may have closed one), and in the same statement releases
// the worst case each held against its workspace's quota and the platform budget and charges what the
// provider reported (an unknown cost charges nothing to a budget it cannot be held to).
const STATEMENT = `
  with outcome as (
    select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[],
                         $8::bigint[], $9::int[])
      as o(id, status, error_code, key_source, prompt_tokens, completion_tokens, total_tokens,
           cost_nano_usd, latency_ms)
  ),
  finished as (
    update llm.usage_ledger l set
      status = o.status::llm.usage_status, error_code = o.error_code, key_source = o.key_source::llm.key_source,
      prompt_tokens = o.prompt_tokens, completion_tokens = o.completion_tokens, total_tokens = o.total_tokens,
      cost_nano_usd = o.cost_nano_usd, latency_ms = o.latency_ms, finished_at = now()
    from outcome o
    where l.id = o.id and l.finished_at is null
    returning l.workspace_id, l.holds_quota, l.holds_budget, l.reserved_tokens, l.reserved_cost_nano_usd,
              o.total_tokens, o.cost_nano_usd
  ),
  per_workspace as (
    select workspace_id, sum(reserved_tokens)::bigint as reserved_tokens,
           coalesce(sum(reserved_cost_nano_usd), 0)::bigint as reserved_cost,
           sum(total_tokens)::bigint as used_tokens, coalesce(sum(cost_nano_usd), 0)::bigint as used_cost
    from finished where holds_quota group by workspace_id
  ),
  per_workspace_budget as (
    select workspace_id, coalesce(sum(reserved_cost_nano_usd), 0)::bigint as reserved_cost,
           coalesce(sum(cost_nano_usd), 0)::bigint as used_cost
    from finished where holds_budget group by workspace_id
  ),
  budgets as (${settleBudgets('per_workspace_budget')})
  ${settleQuotas('per_workspace')}`;

/**
 * Writes how calls ended into their ledger rows and settles their quota and budget reservations, in one
 * statement for any number of calls: the rows and the charges commit together. Idempotent: a row already finished
 * is left as it is.
 */
export async function finishUsage(sql: Sql, finished: readonly FinishedUsage[]): Promise<void> {
  if (finished.length === 0) return;
  const column = <T>(pick: (outcome: UsageOutcome) => T) => finished.map(({ outcome }) => pick(outcome));
  await sql.unsafe(
    STATEMENT,
    [
      finished.map(({ entryId }) => entryId),
      column((o) => o.status),
      column((o) => o.errorCode),
      column((o) => o.keySource),
      column((o) => o.usage.promptTokens),
      column((o) => o.usage.completionTokens),
      column((o) => o.usage.totalTokens),
      column((o) => o.costNanoUsd),
      column((o) => Math.round(o.latencyMs)),
    ] as never[],
    { prepare: true },
  );
}
