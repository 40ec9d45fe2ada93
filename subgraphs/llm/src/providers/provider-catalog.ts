import type { LlmCapability, LlmProviderId } from '../generated/resolvers-types.ts';

export interface CatalogModel {
  id: string;
  capabilities: LlmCapability[];
  contextWindow: number;
  /** The most output tokens the provider lets one call of this chat model produce (its documented cap). */
  maxOutputTokens?: number;
}

export interface CatalogProvider {
  id: LlmProviderId;
  /** How the provider is stored in the database. */
  stored: 'openai' | 'anthropic' | 'gemini';
  name: string;
  isPrimary: boolean;
  models: CatalogModel[];
}

/**
 * The providers IONFLUX routes to and the models it offers on each (spec 1.1: OpenAI is primary). These
 * are the only models served with IONFLUX's own (central) keys; a workspace's own key may name any.
 */
export const providerCatalog: readonly CatalogProvider[] = [
  {
    id: 'OPENAI',
    stored: 'openai',
    name: 'OpenAI',
    isPrimary: true,
    models: [
      { id: 'gpt-4o-mini', capabilities: ['CHAT'], contextWindow: 128_000, maxOutputTokens: 16_384 },
      { id: 'gpt-4o', capabilities: ['CHAT'], contextWindow: 128_000, maxOutputTokens: 16_384 },
      { id: 'gpt-4.1', capabilities: ['CHAT'], contextWindow: 1_047_576, maxOutputTokens: 32_768 },
      { id: 'gpt-4.1-mini', capabilities: ['CHAT'], contextWindow: 1_047_576, maxOutputTokens: 32_768 },
      { id: 'text-embedding-3-small', capabilities: ['EMBEDDING'], contextWindow: 8_191 },
      { id: 'text-embedding-3-large', capabilities: ['EMBEDDING'], contextWindow: 8_191 },
    ],
  },
  {
    id: 'CLAUDE',
    stored: 'anthropic',
    name: 'Anthropic Claude',
    isPrimary: false,
    models: [
      { id: 'claude-sonnet-4-5', capabilities: ['CHAT'], contextWindow: 200_000, maxOutputTokens: 64_000 },
      { id: 'claude-sonnet-4-6', capabilities: ['CHAT'], contextWindow: 200_000, maxOutputTokens: 64_000 },
      { id: 'claude-haiku-4-5', capabilities: ['CHAT'], contextWindow: 200_000, maxOutputTokens: 64_000 },
    ],
  },
  {
    id: 'GEMINI',
    stored: 'gemini',
    name: 'Google Gemini',
    isPrimary: false,
    models: [
      { id: 'gemini-2.5-flash', capabilities: ['CHAT'], contextWindow: 1_048_576, maxOutputTokens: 65_536 },
      { id: 'gemini-2.5-pro', capabilities: ['CHAT'], contextWindow: 1_048_576, maxOutputTokens: 65_536 },
      { id: 'gemini-embedding-001', capabilities: ['EMBEDDING'], contextWindow: 2_048 },
    ],
  },
];

/**
 * The catalog's models of a provider with this capability: what a call on IONFLUX's keys may name
 * (each has a list price: provider-catalog.test.ts).
 */
export function centralKeyModels(stored: CatalogProvider['stored'], capability: LlmCapability): string[] {
  const provider = providerCatalog.find((entry) => entry.stored === stored);
  return (provider?.models ?? [])
    .filter((model) => model.capabilities.includes(capability))
    .map((model) => model.id);
}

/**
 * The output limit a chat call that names none is sent with (and reserves at its worst case), as LiteLLM
 * fills a missing `max_tokens` from its model table: `configured` (`LLM_DEFAULT_MAX_TOKENS`), lowered to
 * the model's own cap from the catalog. A model outside the catalog (on the workspace's own key) gets
 * `configured`. OpenAI clients usually omit the limit and Anthropic requires one, so every door (GraphQL,
 * `/llm/v1/completions`, the OpenAI-compatible API) sends a limit, and the quota and budget reserve it.
 */
export function defaultMaxTokens(
  stored: CatalogProvider['stored'],
  model: string,
  configured: number,
): number {
  const entry = providerCatalog
    .find((provider) => provider.stored === stored)
    ?.models.find((candidate) => candidate.id === model);
  return Math.min(configured, entry?.maxOutputTokens ?? configured);
}
