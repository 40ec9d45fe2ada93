import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import { STORED_PROVIDERS, type StoredProvider } from '../providers/stored-provider.ts';

/**
 * What this instance last saw when it opened a call for a workspace and provider: whether the workspace
 * had neither a quota nor a key of its own for it (a "plain" call, sent with the central key, no limit
 * imposed). Only a guess: the database's answer to each opening statement stays authoritative, and
 * every opening refreshes the guess, so a quota or key set on another instance is seen by this one at
 * its next call.
 */
export interface CallPolicies {
  isPlain(workspaceId: string, provider: StoredProvider): boolean;
  remember(workspaceId: string, provider: StoredProvider, plain: boolean): void;
  /** Drops what is known of a workspace (its quota or one of its keys changed here). */
  forget(workspaceId: string): void;
  /** Counts a call sent before its opening, by whether the opening confirmed the guess. */
  countEarlySend(outcome: 'confirmed' | 'withdrawn'): void;
}

/**
 * @param options.max workspace and provider pairs remembered. @default 10_000
 * @param options.ttlMs how long a guess is trusted without a call refreshing it. @default 60_000
 */
export function createCallPolicies(
  options: { registry?: Registry; max?: number; ttlMs?: number } = {},
): CallPolicies {
  const plain = new LRUCache<string, true>({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60_000 });
  const earlySends = new Counter({
    name: 'ionflux_llm_early_sends_total',
    help: 'Provider calls sent beside their opening statement, by whether the opening confirmed them (withdrawn: aborted and sent again, or refused, because the quota or key had changed)',
    labelNames: ['outcome'] as const,
    registers: options.registry ? [options.registry] : [],
  });
  const keyOf = (workspaceId: string, provider: StoredProvider) => `${workspaceId}/${provider}`;
  return {
    isPlain: (workspaceId, provider) => plain.get(keyOf(workspaceId, provider)) === true,
    remember(workspaceId, provider, isPlain) {
      if (isPlain) plain.set(keyOf(workspaceId, provider), true);
      else plain.delete(keyOf(workspaceId, provider));
    },
    forget(workspaceId) {
      for (const provider of STORED_PROVIDERS) plain.delete(keyOf(workspaceId, provider));
    },
    countEarlySend: (outcome) => earlySends.inc({ outcome }),
  };
}
