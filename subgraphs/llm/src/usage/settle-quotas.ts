/**
 * The statement's last part that settles quota reservations: for each workspace in `source` (a CTE with
 * `workspace_id`, `reserved_tokens`, `reserved_cost`, `used_tokens`, `used_cost`), releases what was
 * reserved and charges what was used. Reserved amounts clamp at zero, so a reservation dropped by a new
 * period cannot drive them negative.
 */
export function settleQuotas(source: string): string {
  return `
  update llm.workspace_quotas q set
    reserved_tokens = greatest(0, q.reserved_tokens - s.reserved_tokens),
    reserved_cost_nano_usd = greatest(0, q.reserved_cost_nano_usd - s.reserved_cost),
    used_tokens = q.used_tokens + s.used_tokens,
    used_cost_nano_usd = q.used_cost_nano_usd + s.used_cost,
    updated_at = now()
  from ${source} s
  where q.workspace_id = s.workspace_id`;
}
