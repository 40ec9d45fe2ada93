import type { Identity } from '@ionflux/kit/identity';
import { NO_USAGE } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LlmServices } from '../services.ts';
import { recordUsage } from '../usage/record-usage.ts';

/**
 * Ledgers a request refused before any provider call (bad input, no key, quota) with its error, for the
 * audit trail; or, as `cancelled` with no error, a call sent early and withdrawn (see callProvider).
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
  } & ({ status?: 'error'; failure: LlmFailure } | { status: 'cancelled'; failure?: undefined }),
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
    usage: NO_USAGE,
    latencyMs: performance.now() - entry.started,
  });
}
