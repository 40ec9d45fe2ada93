import type { SecretsProvider } from '@ionflux/kit/secrets';
import type { StoredProvider } from '../providers/stored-provider.ts';

/** The secret holding each provider's central IONFLUX key (spec 1.2). */
export const centralKeySecret: Record<StoredProvider, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
};

export interface CentralKeys {
  /** The central key, read from the secrets provider (cached briefly, so Vault is not asked per request). */
  get(provider: StoredProvider): Promise<string | undefined>;
}

/**
 * Central keys from the secrets provider. Each is re-read after `ttlMs`, so a key rotated in Vault is
 * picked up without a restart.
 *
 * @param ttlMs @default 60_000
 */
export function createCentralKeys(secrets: SecretsProvider, ttlMs = 60_000, now = Date.now): CentralKeys {
  const cache = new Map<StoredProvider, { value: Promise<string | undefined>; at: number }>();
  return {
    get(provider) {
      const cached = cache.get(provider);
      if (cached && now() - cached.at < ttlMs) return cached.value;
      const value = secrets.get(centralKeySecret[provider]);
      // A failed read is not cached: the next request asks again.
      value.catch(() => cache.delete(provider));
      cache.set(provider, { value, at: now() });
      return value;
    },
  };
}
