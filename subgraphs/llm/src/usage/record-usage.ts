import { usageLedger } from '@ionflux/drizzle/llm';
import type { Database } from '@ionflux/kit/db';
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

/** Writes one ledger row and returns the cost it was charged at (nano-USD, from the price table). */
export async function recordUsage(db: Database, entry: UsageEntry): Promise<number> {
  const costNanoUsd = estimateCostNanoUsd(entry.provider, entry.model, entry.usage);
  await db.insert(usageLedger).values({
    requestId: entry.requestId,
    workspaceId: entry.workspaceId,
    userId: entry.userId,
    provider: entry.provider,
    model: entry.model,
    operation: entry.operation,
    status: entry.status,
    errorCode: entry.errorCode,
    keySource: entry.keySource,
    fallbackFrom: entry.fallbackFrom,
    promptTokens: entry.usage.promptTokens,
    completionTokens: entry.usage.completionTokens,
    totalTokens: entry.usage.totalTokens,
    costNanoUsd,
    latencyMs: Math.round(entry.latencyMs),
  });
  return costNanoUsd;
}
