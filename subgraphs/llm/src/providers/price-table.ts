import type { StoredProvider } from './stored-provider.ts';

/** List prices in USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

// Public list prices (standard tier) as of 2026-11; estimates for attribution, not invoices. Every model
// of the provider catalog has one (provider-catalog.test.ts), and only these models may be called with
// IONFLUX's own keys: a call whose cost cannot be known cannot be held to a budget.
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

/** The model's list price; undefined for a model IONFLUX has no price for (never guessed). */
export function priceOf(provider: StoredProvider, model: string): ModelPrice | undefined {
  return prices[`${provider}/${model}`];
}

/** The models with a list price, as `provider/model` (for the catalog's consistency test). */
export function pricedModels(): string[] {
  return Object.keys(prices);
}

/**
 * Estimated cost in nano-USD (USD per million tokens × tokens × 1000 = nano-USD); null when the model
 * has no list price, which the ledger records as an unknown cost.
 */
export function estimateCostNanoUsd(
  provider: StoredProvider,
  model: string,
  tokens: { promptTokens: number; completionTokens: number },
): number | null {
  const price = priceOf(provider, model);
  if (price === undefined) return null;
  return Math.round((tokens.promptTokens * price.input + tokens.completionTokens * price.output) * 1000);
}

export const NANO_PER_USD = 1e9;
