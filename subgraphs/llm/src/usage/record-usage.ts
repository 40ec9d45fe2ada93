import type { Sql } from '@ionflux/kit/db';
import type { TokenCounts } from '../providers/llm-adapter.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { Reservation } from '../quotas/reserve-quota.ts';
import { estimateCostNanoUsd } from './price-table.ts';

export interface UsageEntry {
  requestId: string;
  workspaceId: string;
  userId: string;
  provider: StoredProvider;
  model: string;
  operation: 'completion' | 'stream' | 'embedding';
  status: 'success' | 'error' | 'cancelled';
  errorCode: string | null;
  keySource: 'central' | 'workspace';
  fallbackFrom: StoredProvider | null;
  usage: TokenCounts;
  latencyMs: number;
}

/** Releases a reservation and charges what the provider reported, in the ledger row's statement. */
export interface Settlement {
  reservation: Reservation;
  actual: { tokens: number; costNanoUsd: number };
}

/**
 * Writes one ledger row and returns the cost it was charged at (nano-USD, from the price table). Plain
 * SQL rather than drizzle's builder: this runs on every request, and the builder doubled its time.
 * With `settle`, the quota settlement (as `settleQuota`) runs in the same statement, so the row and the
 * charge commit together in one round trip.
 */
export async function recordUsage(sql: Sql, entry: UsageEntry, settle?: Settlement): Promise<number> {
  const costNanoUsd = estimateCostNanoUsd(entry.provider, entry.model, entry.usage);
  // A data-modifying CTE runs whether or not the insert reads it.
  const settlement = settle
    ? sql`with settled as (
        update llm.workspace_quotas set
          reserved_tokens = greatest(0, reserved_tokens - ${settle.reservation.tokens}),
          reserved_cost_nano_usd = greatest(0, reserved_cost_nano_usd - ${settle.reservation.costNanoUsd}),
          used_tokens = used_tokens + ${settle.actual.tokens},
          used_cost_nano_usd = used_cost_nano_usd + ${settle.actual.costNanoUsd},
          updated_at = now()
        where workspace_id = ${settle.reservation.workspaceId}
        returning 1)`
    : sql``;
  await sql`
    ${settlement}
    insert into llm.usage_ledger
      (request_id, workspace_id, user_id, provider, model, operation, status, error_code, key_source,
       fallback_from, prompt_tokens, completion_tokens, total_tokens, cost_nano_usd, latency_ms)
    values
      (${entry.requestId}, ${entry.workspaceId}, ${entry.userId}, ${entry.provider}, ${entry.model},
       ${entry.operation}, ${entry.status}, ${entry.errorCode}, ${entry.keySource}, ${entry.fallbackFrom},
       ${entry.usage.promptTokens}, ${entry.usage.completionTokens}, ${entry.usage.totalTokens},
       ${costNanoUsd}, ${Math.round(entry.latencyMs)})`;
  return costNanoUsd;
}
