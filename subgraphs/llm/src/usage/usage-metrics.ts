import { Counter, type Registry } from 'prom-client';
import type { TokenCounts } from '../providers/llm-adapter.ts';

/** What the metrics read of a finished call (the ledger writer's `UsageOutcome` has these fields). */
export interface FinishedCall {
  provider: string;
  status: 'success' | 'error' | 'cancelled';
  keySource: 'central' | 'workspace';
  usage: TokenCounts;
  costNanoUsd: number | null;
}

/** Counts what finished calls used, by provider (no model label: any string a caller sends is a model). */
export function createUsageMetrics(registry: Registry | undefined) {
  const registers = registry ? [registry] : [];
  const calls = new Counter({
    name: 'ionflux_llm_calls_total',
    help: 'LLM provider calls finished, by provider, status (success, error, cancelled) and key source',
    labelNames: ['provider', 'status', 'key_source'] as const,
    registers,
  });
  const tokens = new Counter({
    name: 'ionflux_llm_tokens_total',
    help: 'Tokens LLM providers reported, by provider and kind (prompt, completion)',
    labelNames: ['provider', 'kind'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'ionflux_llm_cost_usd_total',
    help: 'Estimated cost of LLM calls at list prices in US dollars, by provider and key source (models without a list price count nothing)',
    labelNames: ['provider', 'key_source'] as const,
    registers,
  });
  return {
    record(outcome: FinishedCall): void {
      const { provider, keySource } = outcome;
      calls.inc({ provider, status: outcome.status, key_source: keySource });
      if (outcome.usage.promptTokens > 0)
        tokens.inc({ provider, kind: 'prompt' }, outcome.usage.promptTokens);
      if (outcome.usage.completionTokens > 0) {
        tokens.inc({ provider, kind: 'completion' }, outcome.usage.completionTokens);
      }
      if (outcome.costNanoUsd) cost.inc({ provider, key_source: keySource }, outcome.costNanoUsd / 1e9);
    },
  };
}
