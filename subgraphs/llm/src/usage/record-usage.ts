import type { Sql } from '@ionflux/kit/db';
import type { TokenCounts } from '../providers/llm-adapter.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
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

/**
 * Writes one ledger row and returns the cost it was charged at (nano-USD, from the price table). Plain
 * SQL rather than drizzle's builder: this runs on every request, and the builder doubled its time.
 */
export async function recordUsage(sql: Sql, entry: UsageEntry): Promise<number> {
  const costNanoUsd = estimateCostNanoUsd(entry.provider, entry.model, entry.usage);
  await sql`
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
