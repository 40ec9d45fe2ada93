import type { Sql } from '@ionflux/kit/db';
import { settleBudgets } from './settle-budgets.ts';
import { settleQuotas } from './settle-quotas.ts';

// Rows still pending long after any call could have ended belong to a process that died mid-call. Each
// is closed at its worst case (an upper bound of what the provider may bill) and that worst case moves
// from reserved to used on the quota and the platform budget, so a crash never lets a workspace spend
// past its limit (a row without a list price stays at an unknown cost). `skip
// locked` lets every instance sweep at once without closing a row twice.
const STATEMENT = `
  with stale as (
    select id from llm.usage_ledger
    where finished_at is null and created_at < now() - $1 * interval '1 millisecond'
    order by created_at
    limit 1000
    for update skip locked
  ),
  closed as (
    update llm.usage_ledger l set
      status = 'interrupted', error_code = 'INTERNAL', total_tokens = l.reserved_tokens,
      cost_nano_usd = l.reserved_cost_nano_usd,
      latency_ms = (extract(epoch from now() - l.created_at) * 1000)::int, finished_at = now()
    from stale where l.id = stale.id
    returning l.workspace_id, l.holds_quota, l.holds_budget, l.reserved_tokens, l.reserved_cost_nano_usd
  ),
  per_workspace as (
    select workspace_id, sum(reserved_tokens)::bigint as reserved_tokens,
           coalesce(sum(reserved_cost_nano_usd), 0)::bigint as reserved_cost,
           sum(reserved_tokens)::bigint as used_tokens,
           coalesce(sum(reserved_cost_nano_usd), 0)::bigint as used_cost
    from closed where holds_quota group by workspace_id
  ),
  per_workspace_budget as (
    select workspace_id, coalesce(sum(reserved_cost_nano_usd), 0)::bigint as reserved_cost,
           coalesce(sum(reserved_cost_nano_usd), 0)::bigint as used_cost
    from closed where holds_budget group by workspace_id
  ),
  budgets as (${settleBudgets('per_workspace_budget')}),
  settled as (${settleQuotas('per_workspace')})
  select (select count(*) from closed)::int as closed`;

/**
 * Closes ledger rows left `pending` for longer than `staleAfterMs` as `interrupted`, charging their
 * reserved worst case; resolves how many it closed (at most 1,000 a call).
 */
export async function closeInterruptedUsage(sql: Sql, staleAfterMs: number): Promise<number> {
  const [row] = await sql.unsafe<{ closed: number }[]>(STATEMENT, [staleAfterMs]);
  return row?.closed ?? 0;
}
