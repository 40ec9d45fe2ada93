import type { LlmCapability, LlmProviderId } from '../generated/resolvers-types.ts';

export interface CatalogModel {
  id: string;
  capabilities: LlmCapability[];
  contextWindow: number;
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
      { id: 'gpt-4o-mini', capabilities: ['CHAT'], contextWindow: 128_000 },
      { id: 'gpt-4o', capabilities: ['CHAT'], contextWindow: 128_000 },
      { id: 'gpt-4.1', capabilities: ['CHAT'], contextWindow: 1_047_576 },
      { id: 'gpt-4.1-mini', capabilities: ['CHAT'], contextWindow: 1_047_576 },
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
      { id: 'claude-sonnet-4-5', capabilities: ['CHAT'], contextWindow: 200_000 },
      { id: 'claude-sonnet-4-6', capabilities: ['CHAT'], contextWindow: 200_000 },
      { id: 'claude-haiku-4-5', capabilities: ['CHAT'], contextWindow: 200_000 },
    ],
  },
  {
    id: 'GEMINI',
    stored: 'gemini',
    name: 'Google Gemini',
    isPrimary: false,
    models: [
      { id: 'gemini-2.5-flash', capabilities: ['CHAT'], contextWindow: 1_048_576 },
      { id: 'gemini-2.5-pro', capabilities: ['CHAT'], contextWindow: 1_048_576 },
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
