/**
 * The statement part that settles platform-budget reservations: for each workspace in `source` (a CTE
 * with `workspace_id`, `reserved_cost`, `used_cost`), releases what central-key calls reserved and
 * charges what they cost. Reserved amounts clamp at zero, so a reservation dropped by a new day cannot
 * drive them negative.
 */
export function settleBudgets(source: string): string {
  return `
  update llm.platform_spend b set
    reserved_cost_nano_usd = greatest(0, b.reserved_cost_nano_usd - s.reserved_cost),
    used_cost_nano_usd = b.used_cost_nano_usd + s.used_cost,
    updated_at = now()
  from ${source} s
  where b.workspace_id = s.workspace_id`;
}
