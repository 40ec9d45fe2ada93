import type { Sql } from '@ionflux/kit/db';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LedgerCall } from './ledger-call.ts';

/** Why the statement let a call go ahead, or which rule refused it. */
export type ReserveOutcome =
  | { ok: true; holdsQuota: boolean; holdsBudget: boolean }
  /** The call would use IONFLUX's key for a model outside the catalog (its cost unknown). */
  | { ok: false; refusal: 'unknown_model' }
  /** The workspace's own quota: a limit it would pass, or a cost limit a call without a price cannot meet. */
  | { ok: false; refusal: 'quota'; limit: 'tokens' | 'cost' | 'unpriced'; periodEndsAt: Date }
  /** The platform budget for central-key calls (LLM_WORKSPACE_DAILY_BUDGET_USD). */
  | { ok: false; refusal: 'budget' };

/** A workspace key row as stored: sealed, opened by the caller. */
export interface SealedKeyRow {
  id: string;
  ciphertext: Buffer;
  keyId: string;
}

export interface BeginUsageInput extends LedgerCall {
  fallbackFrom: StoredProvider | null;
  /**
   * What the call may cost at most: the prompt estimate plus the output limit. `costNanoUsd` is null
   * when the model has no list price.
   */
  worstCase: { tokens: number; costNanoUsd: number | null };
  /** Whether the model may be called with IONFLUX's key (in the catalog, priced). */
  centralKeyAllowed: boolean;
  /** The platform budget per workspace and UTC day, in nano-USD; null when there is none. */
  dailyBudgetNanoUsd: number | null;
}

export interface BeganUsage {
  outcome: ReserveOutcome;
  /**
   * The `pending` ledger row: written when the call may go ahead, and also when it is refused after a
   * reservation was made (a race between the quota and the budget), so that finishing it as refused
   * releases what it holds. Absent when nothing was written.
   */
  entryId: string | undefined;
  sealedKey: SealedKeyRow | undefined;
}

// A period that has ended counts as empty; the same statement starts the new one. Its reservations are
// dropped too, so one left by a process that died mid-call is held at most until the period ends
// (settling clamps at zero, so a request straddling the boundary cannot drive it negative).
const FRESH = `q.period_start < date_trunc(q.period::text, now())`;
const used = (column: string) => `(case when ${FRESH} then 0 else q.${column} end)`;
const TODAY = `date_trunc('day', now(), 'UTC')`;
const spent = (column: string) => `(case when b.day_start < ${TODAY} then 0 else b.${column} end)`;

// $1 workspace, $2 worst-case tokens, $3 worst-case cost (null: no list price), $4 provider, $5 request
// id, $6 user, $7 model, $8 operation, $9 fallback-from provider, $10 the daily platform budget (null:
// none), $11 whether the model may be called with IONFLUX's key.
//
// `stored` decides the key: the workspace's own for this provider, else IONFLUX's (central). The UPDATE
// of `reserved` reserves against the workspace quota when it allows (a cost limit cannot hold a call
// without a price); `quota` (the same snapshot, before the update) says whether there is a quota and
// which limit refuses. A central-key call also reserves against the platform budget (`budget`: an upsert
// whose DO UPDATE is conditional, so the row lock serialises it as the quota's UPDATE is), unless the
// quota already refuses it. A central-key call for a model outside the catalog reserves nothing. The
// ledger row is written when the call may go ahead, or when something was reserved (to be released).
const STATEMENT = `
  with stored as (
    select id, ciphertext, key_id from llm.workspace_provider_keys where workspace_id = $1 and provider = $4
  ),
  quota as (
    select (q.max_tokens is not null
            and ${used('used_tokens')} + ${used('reserved_tokens')} + $2 > q.max_tokens) as over_tokens,
           (q.max_cost_nano_usd is not null and $3::bigint is null) as cost_unknown,
           (q.max_cost_nano_usd is not null and $3::bigint is not null
            and ${used('used_cost_nano_usd')} + ${used('reserved_cost_nano_usd')} + $3::bigint
                > q.max_cost_nano_usd) as over_cost,
           (date_trunc(q.period::text, now()) + ('1 ' || q.period::text)::interval)::text as ends_at
    from llm.workspace_quotas q where q.workspace_id = $1
  ),
  reserved as (
    update llm.workspace_quotas q set
      used_tokens = ${used('used_tokens')},
      used_cost_nano_usd = ${used('used_cost_nano_usd')},
      period_start = date_trunc(q.period::text, now()),
      reserved_tokens = ${used('reserved_tokens')} + $2,
      reserved_cost_nano_usd = ${used('reserved_cost_nano_usd')} + coalesce($3::bigint, 0),
      updated_at = now()
    where q.workspace_id = $1
      and ($11::boolean or exists(select 1 from stored))
      and (q.max_tokens is null or ${used('used_tokens')} + ${used('reserved_tokens')} + $2 <= q.max_tokens)
      and (q.max_cost_nano_usd is null
           or ($3::bigint is not null
               and ${used('used_cost_nano_usd')} + ${used('reserved_cost_nano_usd')} + $3::bigint
                   <= q.max_cost_nano_usd))
    returning 1
  ),
  budget as (
    insert into llm.platform_spend as b (workspace_id, day_start, reserved_cost_nano_usd)
    select $1, ${TODAY}, $3::bigint
    where $10::bigint is not null and not exists(select 1 from stored) and $11::boolean
      and $3::bigint <= $10::bigint
      and not exists(select 1 from quota where over_tokens or over_cost or cost_unknown)
    on conflict (workspace_id) do update set
      used_cost_nano_usd = ${spent('used_cost_nano_usd')},
      reserved_cost_nano_usd = ${spent('reserved_cost_nano_usd')} + excluded.reserved_cost_nano_usd,
      day_start = ${TODAY},
      updated_at = now()
    where ${spent('used_cost_nano_usd')} + ${spent('reserved_cost_nano_usd')} + excluded.reserved_cost_nano_usd
          <= $10::bigint
    returning 1
  ),
  go as (
    select (exists(select 1 from stored) or $11::boolean)
       and (exists(select 1 from reserved) or not exists(select 1 from quota))
       and (exists(select 1 from budget) or $10::bigint is null or exists(select 1 from stored)) as ok
  ),
  entry as (
    insert into llm.usage_ledger
      (request_id, workspace_id, user_id, provider, model, operation, status, key_source, fallback_from,
       latency_ms, cost_nano_usd, reserved_tokens, reserved_cost_nano_usd, holds_quota, holds_budget)
    select $5, $1, $6, $4, $7, $8, 'pending',
           case when exists(select 1 from stored) then 'workspace'::llm.key_source else 'central' end,
           $9, 0, case when $3::bigint is null then null else 0 end, $2, $3::bigint,
           exists(select 1 from reserved), exists(select 1 from budget)
    where (select ok from go) or exists(select 1 from reserved) or exists(select 1 from budget)
    returning id
  )
  select (select ok from go) as go, exists(select 1 from reserved) as reserved,
         exists(select 1 from budget) as budget_reserved, exists(select 1 from quota) as has_quota,
         coalesce((select over_tokens from quota), false) as over_tokens,
         coalesce((select cost_unknown from quota), false) as cost_unknown,
         (select ends_at from quota) as ends_at, (select id from entry) as entry_id,
         (select id from stored) as key_row_id, (select ciphertext from stored) as key_ciphertext,
         (select key_id from stored) as key_key_id`;

type Row = {
  go: boolean;
  reserved: boolean;
  budget_reserved: boolean;
  has_quota: boolean;
  over_tokens: boolean;
  cost_unknown: boolean;
  ends_at: string | null;
  entry_id: string | null;
  key_row_id: string | null;
  key_ciphertext: Buffer | null;
  key_key_id: string | null;
};

/**
 * Everything a provider call needs from the database, in one statement (one round trip before the
 * call): reserves the worst case against the workspace quota in a conditional UPDATE and, for a call on
 * IONFLUX's key, against the platform budget in a conditional upsert (Postgres locks each row, so
 * concurrent requests on any number of processes are serialised and each sees the others'
 * reservations), reads the workspace's stored key for the provider, and writes the call's `pending`
 * ledger row, so the ledger holds the call before the provider sees it. A central-key call for a model
 * outside the catalog is refused here, before anything is reserved.
 */
export async function beginUsage(sql: Sql, input: BeginUsageInput): Promise<BeganUsage> {
  const [row] = await sql.unsafe<Row[]>(
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
      input.dailyBudgetNanoUsd,
      input.centralKeyAllowed,
    ],
    // `sql.unsafe` sends an unnamed statement by default, parsed and planned on every call; the text is
    // constant, so a named prepared statement per connection saves that work on every request.
    { prepare: true },
  );
  const sealedKey =
    row?.key_row_id && row.key_ciphertext && row.key_key_id
      ? { id: row.key_row_id, ciphertext: row.key_ciphertext, keyId: row.key_key_id }
      : undefined;
  return { outcome: toOutcome(row, input), entryId: row?.entry_id ?? undefined, sealedKey };
}

function toOutcome(row: Row | undefined, input: BeginUsageInput): ReserveOutcome {
  if (!row) throw new Error('beginUsage returned no row');
  if (row.go) return { ok: true, holdsQuota: row.reserved, holdsBudget: row.budget_reserved };
  const central = row.key_row_id === null;
  if (central && !input.centralKeyAllowed) return { ok: false, refusal: 'unknown_model' };
  if (row.has_quota && !row.reserved) {
    return {
      ok: false,
      refusal: 'quota',
      limit: row.over_tokens ? 'tokens' : row.cost_unknown ? 'unpriced' : 'cost',
      periodEndsAt: new Date(row.ends_at ?? Date.now()),
    };
  }
  return { ok: false, refusal: 'budget' };
}
