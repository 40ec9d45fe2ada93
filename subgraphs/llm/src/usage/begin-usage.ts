import type { Sql } from '@ionflux/kit/db';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { UsageEntry } from './record-usage.ts';

export type ReserveOutcome =
  | { ok: true; holdsQuota: boolean }
  | { ok: false; limit: 'tokens' | 'cost'; periodEndsAt: Date };

/** A workspace key row as stored: sealed, opened by the caller. */
export interface SealedKeyRow {
  id: string;
  ciphertext: Buffer;
  keyId: string;
}

export interface BeginUsageInput
  extends Pick<UsageEntry, 'requestId' | 'workspaceId' | 'userId' | 'provider' | 'model' | 'operation'> {
  fallbackFrom: StoredProvider | null;
  /** What the call may cost at most: the prompt estimate plus the output limit. */
  worstCase: { tokens: number; costNanoUsd: number };
}

export interface BeganUsage {
  outcome: ReserveOutcome;
  /** The `pending` ledger row, when the quota allowed the call (absent when it refused). */
  entryId: string | undefined;
  sealedKey: SealedKeyRow | undefined;
}

// A period that has ended counts as empty; the same statement starts the new one. Its reservations are
// dropped too, so one left by a process that died mid-call is held at most until the period ends
// (settling clamps at zero, so a request straddling the boundary cannot drive it negative).
const FRESH = `q.period_start < date_trunc(q.period::text, now())`;
const used = (column: string) => `(case when ${FRESH} then 0 else q.${column} end)`;

// The UPDATE reserves when the quota allows; `quota` (read from the same snapshot, before the update)
// says whether there is a quota at all and, if so, which limit refused; the ledger row is written when
// the call may go ahead. $1 workspace, $2 worst-case tokens, $3 worst-case cost, $4 provider, $5 request
// id, $6 user, $7 model, $8 operation, $9 fallback-from provider.
const STATEMENT = `
  with reserved as (
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
  ),
  stored as (
    select id, ciphertext, key_id from llm.workspace_provider_keys where workspace_id = $1 and provider = $4
  ),
  entry as (
    insert into llm.usage_ledger
      (request_id, workspace_id, user_id, provider, model, operation, status, key_source, fallback_from,
       latency_ms, reserved_tokens, reserved_cost_nano_usd, holds_quota)
    select $5, $1, $6, $4, $7, $8, 'pending',
           case when exists(select 1 from stored) then 'workspace'::llm.key_source else 'central' end,
           $9, 0, $2, $3, exists(select 1 from reserved)
    where exists(select 1 from reserved) or not exists(select 1 from quota)
    returning id
  )
  select exists(select 1 from reserved) as reserved, exists(select 1 from quota) as has_quota,
         coalesce((select over_tokens from quota), false) as over_tokens, (select ends_at from quota) as ends_at,
         (select id from entry) as entry_id, (select id from stored) as key_row_id,
         (select ciphertext from stored) as key_ciphertext, (select key_id from stored) as key_key_id`;

type Row = {
  reserved: boolean;
  has_quota: boolean;
  over_tokens: boolean;
  ends_at: string | null;
  entry_id: string | null;
  key_row_id: string | null;
  key_ciphertext: Buffer | null;
  key_key_id: string | null;
};

/**
 * Everything a provider call needs from the database, in one statement (one round trip before the
 * call): reserves the worst case against the workspace quota in a conditional UPDATE (Postgres locks the
 * quota row, so concurrent requests on any number of processes are serialised and each sees the others'
 * reservations), reads the workspace's stored key for the provider, and writes the call's `pending`
 * ledger row, so the ledger holds the call before the provider sees it.
 */
export async function beginUsage(sql: Sql, input: BeginUsageInput): Promise<BeganUsage> {
  const query = sql.unsafe<Row[]>(
    STATEMENT,
    [
      input.workspaceId,
      input.worstCase.tokens,
      input.worstCase.costNanoUsd,
      input.provider,
      input.requestId,
      input.userId,
      input.model,
      input.operation,
      input.fallbackFrom,
    ],
    // `sql.unsafe` sends an unnamed statement by default, parsed and planned on every call; the text is
    // constant, so a named prepared statement per connection saves that work on every request.
    { prepare: true },
  );
  // Handed to a connection now rather than when awaited (a tick later), so that a provider request sent
  // after the next setImmediate (callProvider) goes after it on the wire.
  const [row] = await query.execute();
  const sealedKey =
    row?.key_row_id && row.key_ciphertext && row.key_key_id
      ? { id: row.key_row_id, ciphertext: row.key_ciphertext, keyId: row.key_key_id }
      : undefined;
  return { outcome: toOutcome(row), entryId: row?.entry_id ?? undefined, sealedKey };
}

function toOutcome(row: Row | undefined): ReserveOutcome {
  if (!row?.has_quota) return { ok: true, holdsQuota: false };
  if (row.reserved) return { ok: true, holdsQuota: true };
  return {
    ok: false,
    limit: row.over_tokens ? 'tokens' : 'cost',
    periodEndsAt: new Date(row.ends_at ?? Date.now()),
  };
}
