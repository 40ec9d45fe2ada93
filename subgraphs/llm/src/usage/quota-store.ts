import type { Sql } from '@ionflux/kit/db';

export interface QuotaRow {
  period: 'day' | 'month';
  maxTokens: number | null;
  maxCostNanoUsd: number | null;
  /** As Postgres prints it: the pool is shared with drizzle, which turns date parsing off. */
  periodStart: string;
  usedTokens: number;
  usedCostNanoUsd: number;
  reservedTokens: number;
  reservedCostNanoUsd: number;
}

const columns = (sql: Sql) => sql`
  period, max_tokens::float8 as "maxTokens", max_cost_nano_usd::float8 as "maxCostNanoUsd",
  period_start::text as "periodStart", used_tokens::float8 as "usedTokens",
  used_cost_nano_usd::float8 as "usedCostNanoUsd", reserved_tokens::float8 as "reservedTokens",
  reserved_cost_nano_usd::float8 as "reservedCostNanoUsd"`;

/**
 * Sets a workspace's quota. A new quota starts its period with the usage the ledger already holds for
 * it, so setting a quota mid-month does not forgive what was spent.
 */
export async function setQuota(
  sql: Sql,
  workspaceId: string,
  quota: { period: 'day' | 'month'; maxTokens: number | null; maxCostNanoUsd: number | null },
): Promise<QuotaRow> {
  const [row] = await sql<QuotaRow[]>`
    with spent as (
      select coalesce(sum(total_tokens), 0) as tokens, coalesce(sum(cost_nano_usd), 0) as cost
      from llm.usage_ledger
      where workspace_id = ${workspaceId} and created_at >= date_trunc(${quota.period}, now())
    )
    insert into llm.workspace_quotas as q
      (workspace_id, period, max_tokens, max_cost_nano_usd, period_start, used_tokens, used_cost_nano_usd)
    select ${workspaceId}, ${quota.period}, ${quota.maxTokens}, ${quota.maxCostNanoUsd},
           date_trunc(${quota.period}, now()), spent.tokens, spent.cost from spent
    on conflict (workspace_id) do update set
      period = excluded.period, max_tokens = excluded.max_tokens,
      max_cost_nano_usd = excluded.max_cost_nano_usd, updated_at = now(),
      period_start = case when q.period = excluded.period then q.period_start else excluded.period_start end,
      used_tokens = case when q.period = excluded.period then q.used_tokens else excluded.used_tokens end,
      used_cost_nano_usd = case when q.period = excluded.period then q.used_cost_nano_usd
                                else excluded.used_cost_nano_usd end
    returning ${columns(sql)}`;
  if (!row) throw new Error('setting the quota returned no row');
  return row;
}

export async function getQuota(sql: Sql, workspaceId: string): Promise<QuotaRow | undefined> {
  const [row] = await sql<QuotaRow[]>`
    select ${columns(sql)} from llm.workspace_quotas where workspace_id = ${workspaceId}`;
  return row;
}

export async function removeQuota(sql: Sql, workspaceId: string): Promise<boolean> {
  const rows = await sql`delete from llm.workspace_quotas where workspace_id = ${workspaceId} returning 1`;
  return rows.length > 0;
}
