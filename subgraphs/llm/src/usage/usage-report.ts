import type { Sql } from '@ionflux/kit/db';
import type { StoredProvider } from '../providers/stored-provider.ts';

export interface UsageGroupRow {
  provider: StoredProvider;
  model: string;
  userId: string;
  requests: number;
  errors: number;
  pending: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Of the rows whose cost is known. */
  costNanoUsd: number;
  /** Rows whose cost is unknown (a model without a list price). */
  unpricedRequests: number;
}

/**
 * The workspace's ledger in `[from, to)`, summed per provider, model and user. Instants travel as ISO
 * strings: the pool is shared with drizzle, which turns postgres.js's date conversion off.
 */
export async function usageReport(
  sql: Sql,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<UsageGroupRow[]> {
  return sql<UsageGroupRow[]>`
    select provider, model, user_id as "userId",
           count(*)::int as requests,
           count(*) filter (where status in ('error', 'cancelled', 'interrupted'))::int as errors,
           count(*) filter (where status = 'pending')::int as pending,
           coalesce(sum(prompt_tokens), 0)::int as "promptTokens",
           coalesce(sum(completion_tokens), 0)::int as "completionTokens",
           coalesce(sum(total_tokens), 0)::int as "totalTokens",
           coalesce(sum(cost_nano_usd), 0)::float8 as "costNanoUsd",
           count(*) filter (where cost_nano_usd is null)::int as "unpricedRequests"
    from llm.usage_ledger
    where workspace_id = ${workspaceId} and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}
    group by provider, model, user_id
    order by provider, model, user_id`;
}
