import type { Identity } from '@ionflux/kit/identity';
import { NO_USAGE, type TokenCounts } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LlmServices } from '../services.ts';
import { estimateCostNanoUsd } from '../usage/price-table.ts';
import { recordUsage } from '../usage/record-usage.ts';

/**
 * Ledgers a request refused before any provider call (bad input, no key, quota) with its error, for the
 * audit trail; or, as `cancelled` with no error, a call sent early and withdrawn (see callProvider), with
 * the usage and cost of its answer if the provider answered before the withdrawal.
 */
export async function recordRejection(
  services: LlmServices,
  identity: Identity,
  entry: {
    requestId: string;
    provider: StoredProvider;
    model: string;
    operation: 'completion' | 'stream' | 'embedding';
    started: number;
  } & (
    | { status?: 'error'; failure: LlmFailure; usage?: undefined }
    | { status: 'cancelled'; failure?: undefined; usage: TokenCounts }
  ),
): Promise<void> {
  await recordUsage(services.sql, {
    requestId: entry.requestId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider: entry.provider,
    model: entry.model,
    operation: entry.operation,
    status: entry.status ?? 'error',
    errorCode: entry.failure?.code ?? null,
    keySource: 'central',
    usage: entry.usage ?? NO_USAGE,
    costNanoUsd: entry.usage ? estimateCostNanoUsd(entry.provider, entry.model, entry.usage) : 0,
    latencyMs: performance.now() - entry.started,
  });
}
