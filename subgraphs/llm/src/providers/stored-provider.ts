import type { LlmProviderId } from '../generated/resolvers-types.ts';

/** How a provider is named in the database and in logs. */
export type StoredProvider = 'openai' | 'anthropic' | 'gemini';

const storedById: Record<LlmProviderId, StoredProvider> = {
  OPENAI: 'openai',
  CLAUDE: 'anthropic',
  GEMINI: 'gemini',
};

const idByStored: Record<StoredProvider, LlmProviderId> = {
  openai: 'OPENAI',
  anthropic: 'CLAUDE',
  gemini: 'GEMINI',
};

export function toStoredProvider(id: LlmProviderId): StoredProvider {
  return storedById[id];
}

export function toProviderId(stored: StoredProvider): LlmProviderId {
  return idByStored[stored];
}

export const STORED_PROVIDERS = Object.keys(idByStored) as readonly StoredProvider[];
