import type { Identity } from '@ionflux/kit/identity';
import { NO_USAGE } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LlmServices } from '../services.ts';
import { recordUsage } from '../usage/record-usage.ts';

/** Ledgers a request refused before any provider call (bad input, no key, quota), for the audit trail. */
export async function recordRejection(
  services: LlmServices,
  identity: Identity,
  entry: {
    requestId: string;
    provider: StoredProvider;
    model: string;
    operation: 'completion' | 'stream' | 'embedding';
    failure: LlmFailure;
    started: number;
  },
): Promise<void> {
  await recordUsage(services.sql, {
    requestId: entry.requestId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider: entry.provider,
    model: entry.model,
    operation: entry.operation,
    status: 'error',
    errorCode: entry.failure.code,
    keySource: 'central',
    usage: NO_USAGE,
    latencyMs: performance.now() - entry.started,
  });
}
