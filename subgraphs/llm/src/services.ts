import { createCredentialCipher, loadKeyring } from '@ionflux/kit/crypto';
import { connectDatabase, type Database, type Sql } from '@ionflux/kit/db';
import { createProviderHttpClient, type ProviderHttpClient } from '@ionflux/kit/http';
import type { Logger } from '@ionflux/kit/logging';
import { createSecretsProvider } from '@ionflux/kit/secrets';
import type { Tracing } from '@ionflux/kit/tracing';
import type { Registry } from 'prom-client';
import type { LlmConfig } from './config.ts';
import { centralKeySecret, createCentralKeys } from './keys/central-keys.ts';
import type { CallServices } from './orchestration/call-services.ts';
import { createRequestCallCap } from './orchestration/request-call-cap.ts';
import { createAnthropicAdapter } from './providers/anthropic/anthropic-adapter.ts';
import { classifyLlmResponse } from './providers/classify-llm-response.ts';
import { createGeminiAdapter } from './providers/gemini/gemini-adapter.ts';
import { createOpenAiAdapter } from './providers/openai/openai-adapter.ts';
import { NANO_PER_USD } from './providers/price-table.ts';
import { createSdkFetch } from './providers/sdk-fetch.ts';
import type { StoredProvider } from './providers/stored-provider.ts';
import { createLedgerWriter } from './usage/ledger-writer.ts';

/**
 * What the LLM subgraph builds once at start and every request shares: what a call's orchestration needs
 * ({@link CallServices}) and what the other resolvers read.
 */
export interface LlmServices extends CallServices {
  /** The service's pool (reports, quotas, settings); the ledger writes on a pool of its own. */
  sql: Sql;
  close(): Promise<void>;
}

/**
 * Builds the adapters over one kit HTTP client per provider (so each provider has its own breaker),
 * the central keys from the secrets provider, the cipher for workspace keys, and the ledger's pool and
 * its one writer (which also sweeps rows left pending by dead processes).
 */
export async function createLlmServices(deps: {
  config: LlmConfig;
  db: Database;
  sql: Sql;
  logger: Logger;
  registry?: Registry;
  /** Spans of the provider calls. @default off */
  tracing?: Tracing;
}): Promise<LlmServices> {
  const { config, logger } = deps;
  // The env provider reads the validated config, which holds the same keys as the process env.
  const envView: Record<string, string | undefined> = {
    IONFLUX_MASTER_KEY: config.IONFLUX_MASTER_KEY,
    IONFLUX_MASTER_KEYS_PREVIOUS: config.IONFLUX_MASTER_KEYS_PREVIOUS,
    [centralKeySecret.openai]: config.OPENAI_API_KEY,
    [centralKeySecret.anthropic]: config.ANTHROPIC_API_KEY,
    [centralKeySecret.gemini]: config.GEMINI_API_KEY,
  };
  const secrets = createSecretsProvider(config, envView);
  const masterKey = await secrets.get('IONFLUX_MASTER_KEY');
  const cipher = masterKey === undefined ? undefined : createCredentialCipher(await loadKeyring(secrets));
  if (!cipher) logger.warn('IONFLUX_MASTER_KEY is not set: workspace provider keys are disabled');

  const clients: ProviderHttpClient[] = [];
  const fetchFor = (provider: StoredProvider) => {
    const client = createProviderHttpClient({
      provider,
      logger,
      ...(deps.registry ? { registry: deps.registry } : {}),
      ...(deps.tracing ? { tracing: deps.tracing } : {}),
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxAttempts: config.LLM_MAX_ATTEMPTS,
      maxRetryAfterMs: config.LLM_MAX_RETRY_AFTER_MS,
      breaker: {
        consecutiveFailures: config.LLM_BREAKER_FAILURES,
        halfOpenAfterMs: config.LLM_BREAKER_HALF_OPEN_MS,
      },
      classify: classifyLlmResponse,
      maxConnectionsPerHost: 128,
    });
    clients.push(client);
    return createSdkFetch(client, { timeoutMs: config.LLM_TIMEOUT_MS });
  };
  const adapters = {
    openai: createOpenAiAdapter({ baseUrl: config.OPENAI_BASE_URL, fetch: fetchFor('openai') }),
    anthropic: createAnthropicAdapter({ baseUrl: config.ANTHROPIC_BASE_URL, fetch: fetchFor('anthropic') }),
    gemini: createGeminiAdapter({ baseUrl: config.GEMINI_BASE_URL, fetch: fetchFor('gemini') }),
  };
  const ledgerDatabase = connectDatabase(config.DATABASE_URL, {
    applicationName: 'ionflux-llm-ledger',
    maxConnections: 20,
    synchronousCommit: config.LLM_LEDGER_SYNCHRONOUS_COMMIT,
  });
  const ledger = createLedgerWriter({
    sql: ledgerDatabase.sql,
    logger,
    ...(deps.registry ? { registry: deps.registry } : {}),
    staleAfterMs: config.LLM_LEDGER_STALE_AFTER_MS,
    sweepEveryMs: config.LLM_LEDGER_SWEEP_MS,
    flushAfterMs: config.LLM_LEDGER_FLUSH_MS,
  });
  return {
    config,
    db: deps.db,
    sql: deps.sql,
    ledger,
    requestCalls: createRequestCallCap(config.LLM_MAX_CALLS_PER_REQUEST),
    dailyBudgetNanoUsd:
      config.LLM_WORKSPACE_DAILY_BUDGET_USD === null
        ? null
        : Math.round(config.LLM_WORKSPACE_DAILY_BUDGET_USD * NANO_PER_USD),
    logger,
    adapters,
    centralKeys: createCentralKeys(secrets),
    cipher,
    async close() {
      await ledger.close();
      await Promise.all([ledgerDatabase.close(), ...clients.map((client) => client.close())]);
    },
  };
}
