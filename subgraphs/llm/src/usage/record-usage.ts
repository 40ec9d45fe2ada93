import type { Sql } from '@ionflux/kit/db';
import type { TokenCounts } from '../providers/llm-adapter.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';

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
  usage: TokenCounts;
  /** What the usage cost by the price table; null when the model has no list price. @default 0 */
  costNanoUsd?: number | null;
  latencyMs: number;
}

/**
 * Writes one finished ledger row outside a call's own: a request refused for its input or by the quota,
 * or a call sent early and withdrawn. Calls that go ahead are ledgered by `beginUsage` and `finishUsage`.
 */
export async function recordUsage(sql: Sql, entry: UsageEntry): Promise<void> {
  await sql`
    insert into llm.usage_ledger
      (request_id, workspace_id, user_id, provider, model, operation, status, error_code, key_source,
       prompt_tokens, completion_tokens, total_tokens, cost_nano_usd, latency_ms, finished_at)
    values
      (${entry.requestId}, ${entry.workspaceId}, ${entry.userId}, ${entry.provider}, ${entry.model},
       ${entry.operation}, ${entry.status}, ${entry.errorCode}, ${entry.keySource},
       ${entry.usage.promptTokens}, ${entry.usage.completionTokens}, ${entry.usage.totalTokens},
       ${entry.costNanoUsd === undefined ? 0 : entry.costNanoUsd}, ${Math.round(entry.latencyMs)}, now())`;
}
