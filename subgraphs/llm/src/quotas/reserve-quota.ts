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

// `sql.unsafe` sends an unnamed statement by default, parsed and planned on every call; the text here is
// constant, so a named prepared statement per connection saves that work on every request.
const PREPARED = { prepare: true } as const;

type ReserveRow = { reserved: boolean; has_quota: boolean; over_tokens: boolean; ends_at: string | null };

// The UPDATE reserves when the quota allows; the other columns (read from the same snapshot, before the
// update) say whether there is a quota at all and, if so, which limit refused. $1 workspace, $2 tokens,
// $3 cost.
const RESERVE_CTES = `reserved as (
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
     )`;
const RESERVE_COLUMNS = `exists(select 1 from reserved) as reserved, exists(select 1 from quota) as has_quota,
            coalesce((select over_tokens from quota), false) as over_tokens, (select ends_at from quota) as ends_at`;

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
  const [row] = await sql.unsafe<ReserveRow[]>(
    `with ${RESERVE_CTES} select ${RESERVE_COLUMNS}`,
    [workspaceId, worstCase.tokens, worstCase.costNanoUsd],
    PREPARED,
  );
  return toOutcome(row, workspaceId, worstCase);
}

/** A workspace key row as stored: sealed, opened by the caller. */
export interface SealedKeyRow {
  id: string;
  ciphertext: Buffer;
  keyId: string;
}

/**
 * {@link reserveQuota} and the read of the workspace's stored key for `provider` in one statement, so the
 * request pays one round trip before the provider call rather than two queries' worth of work.
 */
export async function reserveQuotaAndReadKey(
  sql: Sql,
  workspaceId: string,
  worstCase: { tokens: number; costNanoUsd: number },
  provider: string,
): Promise<{ outcome: ReserveOutcome; sealedKey: SealedKeyRow | undefined }> {
  const [row] = await sql.unsafe<
    (ReserveRow & { key_row_id: string | null; key_ciphertext: Buffer | null; key_key_id: string | null })[]
  >(
    `with ${RESERVE_CTES},
     stored as (
       select id, ciphertext, key_id from llm.workspace_provider_keys where workspace_id = $1 and provider = $4
     )
     select ${RESERVE_COLUMNS}, (select id from stored) as key_row_id,
            (select ciphertext from stored) as key_ciphertext, (select key_id from stored) as key_key_id`,
    [workspaceId, worstCase.tokens, worstCase.costNanoUsd, provider],
    PREPARED,
  );
  const sealedKey =
    row?.key_row_id && row.key_ciphertext && row.key_key_id
      ? { id: row.key_row_id, ciphertext: row.key_ciphertext, keyId: row.key_key_id }
      : undefined;
  return { outcome: toOutcome(row, workspaceId, worstCase), sealedKey };
}

function toOutcome(
  row: ReserveRow | undefined,
  workspaceId: string,
  worstCase: { tokens: number; costNanoUsd: number },
): ReserveOutcome {
  if (!row?.has_quota) return { ok: true, reservation: null };
  if (row.reserved) return { ok: true, reservation: { workspaceId, ...worstCase } };
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
