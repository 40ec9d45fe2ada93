import type { StoredProvider } from '../providers/stored-provider.ts';

/** List prices in USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

// Public list prices (standard tier) as of 2026-11; estimates for attribution, not invoices.
const prices: Readonly<Record<string, ModelPrice>> = {
  'openai/gpt-4o-mini': { input: 0.15, output: 0.6 },
  'openai/gpt-4o': { input: 2.5, output: 10 },
  'openai/gpt-4.1': { input: 2, output: 8 },
  'openai/gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'openai/text-embedding-3-small': { input: 0.02, output: 0 },
  'openai/text-embedding-3-large': { input: 0.13, output: 0 },
  'anthropic/claude-sonnet-4-5': { input: 3, output: 15 },
  'anthropic/claude-sonnet-4-6': { input: 3, output: 15 },
  'anthropic/claude-haiku-4-5': { input: 1, output: 5 },
  'gemini/gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini/gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini/gemini-embedding-001': { input: 0.15, output: 0 },
};

/**
 * The most expensive model of each provider: an unknown model (a newer one, or a local one behind
 * `OPENAI_BASE_URL`) is priced high rather than free, so quotas on cost still hold.
 */
const fallbackPrice: Readonly<Record<StoredProvider, ModelPrice>> = {
  openai: { input: 2.5, output: 10 },
  anthropic: { input: 3, output: 15 },
  gemini: { input: 1.25, output: 10 },
};

export function priceOf(provider: StoredProvider, model: string): ModelPrice {
  return prices[`${provider}/${model}`] ?? fallbackPrice[provider];
}

/** Whether the model has its own entry (for `llmProviders`). */
export function listedPriceOf(provider: StoredProvider, model: string): ModelPrice | undefined {
  return prices[`${provider}/${model}`];
}

/** Estimated cost in nano-USD (USD per million tokens × tokens × 1000 = nano-USD). */
export function estimateCostNanoUsd(
  provider: StoredProvider,
  model: string,
  tokens: { promptTokens: number; completionTokens: number },
): number {
  const price = priceOf(provider, model);
  return Math.round((tokens.promptTokens * price.input + tokens.completionTokens * price.output) * 1000);
}

export const NANO_PER_USD = 1e9;
