import type { Identity } from '@ionflux/kit/identity';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LedgerCall } from '../usage/ledger-call.ts';
import type { CallServices } from './call-services.ts';

/**
 * Ledgers a request refused before any provider call (bad input, the quota, the platform budget, a model
 * outside the catalog) with its error, for the audit trail; resolves once the row is written.
 */
export async function recordRejection(
  services: Pick<CallServices, 'ledger'>,
  identity: Identity,
  entry: {
    requestId: string;
    provider: StoredProvider;
    model: string;
    operation: LedgerCall['operation'];
    failure: LlmFailure;
    started: number;
  },
): Promise<void> {
  await services.ledger.record({
    requestId: entry.requestId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider: entry.provider,
    model: entry.model,
    operation: entry.operation,
    errorCode: entry.failure.code,
    latencyMs: performance.now() - entry.started,
  });
}
