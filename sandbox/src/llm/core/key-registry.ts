import type { LlmProvider } from './provider.ts';

/** What the simulator knows about an API key. */
export type KeyStatus = 'valid' | 'quota_exhausted' | 'unknown';

/**
 * The API keys each provider accepts. A key marked quota-exhausted authenticates but every billable
 * request with it is refused the way the provider refuses an account without credit.
 */
export class KeyRegistry {
  readonly #keys = new Map<LlmProvider, Map<string, KeyStatus>>();
  readonly #acceptAny: boolean;

  /** With `acceptAny`, keys never registered count as valid (registered ones keep their status). */
  constructor(initial: Record<LlmProvider, string>, acceptAny = false) {
    this.#acceptAny = acceptAny;
    for (const [provider, key] of Object.entries(initial) as [LlmProvider, string][]) this.add(provider, key);
  }

  add(provider: LlmProvider, key: string, status: 'valid' | 'quota_exhausted' = 'valid'): void {
    let keys = this.#keys.get(provider);
    if (!keys) {
      keys = new Map();
      this.#keys.set(provider, keys);
    }
    keys.set(key, status);
  }

  remove(provider: LlmProvider, key: string): void {
    this.#keys.get(provider)?.delete(key);
  }

  status(provider: LlmProvider, key: string): KeyStatus {
    return this.#keys.get(provider)?.get(key) ?? (this.#acceptAny ? 'valid' : 'unknown');
  }
}
