import type { Sql } from '@ionflux/kit/db';

/** What a request holds against its workspace's quota until it settles. */
export interface Reservation {
  workspaceId: string;
  tokens: number;
  costNanoUsd: number;
}

export type ReserveOutcome =
  | { ok: true; reservation: Reservation | null }
  | { ok: false; limit: 'tokens' | 'cost'; periodEndsAt: Date };

// A period that has ended counts as empty; the same statement starts the new one. Its reservations are
// dropped too, so one left by a process that died mid-call is held at most until the period ends
// (settling clamps at zero, so a request straddling the boundary cannot drive it negative).
const FRESH = `q.period_start < date_trunc(q.period::text, now())`;
const used = (column: string) => `(case when ${FRESH} then 0 else q.${column} end)`;

/**
 * Reserves the worst case of one request in a single conditional UPDATE: Postgres locks the quota row,
 * so concurrent requests on any number of processes are serialised and each sees the others'
 * reservations. Resolves `reservation: null` when the workspace has no quota.
 */
export async function reserveQuota(
  sql: Sql,
  workspaceId: string,
  worstCase: { tokens: number; costNanoUsd: number },
): Promise<ReserveOutcome> {
  const { tokens, costNanoUsd } = worstCase;
  // One round trip: the UPDATE reserves when the quota allows; the other columns (read from the same
  // snapshot, before the update) say whether there is a quota at all and, if so, which limit refused.
  const [row] = await sql.unsafe<
    { reserved: boolean; has_quota: boolean; over_tokens: boolean; ends_at: string | null }[]
  >(
    `with reserved as (
       update llm.workspace_quotas q set
         used_tokens = ${used('used_tokens')},
         used_cost_nano_usd = ${used('used_cost_nano_usd')},
         period_start = date_trunc(q.period::text, now()),
         reserved_tokens = ${used('reserved_tokens')} + $2,
         reserved_cost_nano_usd = ${used('reserved_cost_nano_usd')} + $3,
         updated_at = now()
       where q.workspace_id = $1
         and (q.max_tokens is null or ${used('used_tokens')} + ${used('reserved_tokens')} + $2 <= q.max_tokens)
         and (q.max_cost_nano_usd is null
              or ${used('used_cost_nano_usd')} + ${used('reserved_cost_nano_usd')} + $3 <= q.max_cost_nano_usd)
       returning 1
     ),
     quota as (
       select (q.max_tokens is not null
               and ${used('used_tokens')} + ${used('reserved_tokens')} + $2 > q.max_tokens) as over_tokens,
              (date_trunc(q.period::text, now()) + ('1 ' || q.period::text)::interval)::text as ends_at
       from llm.workspace_quotas q where q.workspace_id = $1
     )
     select exists(select 1 from reserved) as reserved, exists(select 1 from quota) as has_quota,
            coalesce((select over_tokens from quota), false) as over_tokens, (select ends_at from quota) as ends_at`,
    [workspaceId, tokens, costNanoUsd],
  );
  if (!row?.has_quota) return { ok: true, reservation: null };
  if (row.reserved) return { ok: true, reservation: { workspaceId, tokens, costNanoUsd } };
  return {
    ok: false,
    limit: row.over_tokens ? 'tokens' : 'cost',
    periodEndsAt: new Date(row.ends_at ?? Date.now()),
  };
}

/**
 * Releases a reservation and charges what the provider reported (zero for a failed call). Charged usage
 * can exceed the reservation only when the provider counted more prompt tokens than the estimate.
 */
export async function settleQuota(
  sql: Sql,
  reservation: Reservation,
  actual: { tokens: number; costNanoUsd: number },
): Promise<void> {
  await sql`
    update llm.workspace_quotas set
      reserved_tokens = greatest(0, reserved_tokens - ${reservation.tokens}),
      reserved_cost_nano_usd = greatest(0, reserved_cost_nano_usd - ${reservation.costNanoUsd}),
      used_tokens = used_tokens + ${actual.tokens},
      used_cost_nano_usd = used_cost_nano_usd + ${actual.costNanoUsd},
      updated_at = now()
    where workspace_id = ${reservation.workspaceId}`;
}
