import type { StoredProvider } from '../providers/stored-provider.ts';

/** What a ledger row starts with: who made the call and what it asked for. */
export interface LedgerCall {
  requestId: string;
  workspaceId: string;
  userId: string;
  provider: StoredProvider;
  model: string;
  operation: 'completion' | 'stream' | 'embedding';
}
