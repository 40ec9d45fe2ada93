import type { CredentialCipher } from '@ionflux/kit/crypto';
import type { Database } from '@ionflux/kit/db';
import type { Logger } from '@ionflux/kit/logging';
import type { LlmConfig } from '../config.ts';
import type { CentralKeys } from '../keys/central-keys.ts';
import type { LlmAdapter } from '../providers/llm-adapter.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LedgerWriter } from '../usage/ledger-writer.ts';
import type { RequestCallCap } from './request-call-cap.ts';

/**
 * What the orchestration of a call needs, built once at start (`createLlmServices` builds it with the
 * rest of the subgraph's services): orchestration depends on this, never on the services module.
 */
export interface CallServices {
  config: LlmConfig;
  db: Database;
  /** The one writer of the usage ledger: every row of a call goes through it. */
  ledger: LedgerWriter;
  /** LLM calls per gateway request (`LLM_MAX_CALLS_PER_REQUEST`). */
  requestCalls: RequestCallCap;
  /** The platform budget per workspace and UTC day in nano-USD (`LLM_WORKSPACE_DAILY_BUDGET_USD`); null: none. */
  dailyBudgetNanoUsd: number | null;
  logger: Logger;
  adapters: Readonly<Record<StoredProvider, LlmAdapter>>;
  centralKeys: CentralKeys;
  /** Absent when no master key is configured: workspace keys can then be neither set nor used. */
  cipher: CredentialCipher | undefined;
}
