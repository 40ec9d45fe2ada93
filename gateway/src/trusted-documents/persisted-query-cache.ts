import type { PersistedQueryOptions } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { TrustedDocuments } from './trusted-documents.ts';

/** Documents registered by APQ clients at run time, by total length (Apollo's default store is 30 MiB). */
const MAX_APQ_BYTES = 30 * 1024 * 1024;
const HASH = /([0-9a-f]{64})$/;

/**
 * The store behind Apollo Server's automatic persisted queries (APQ): the trusted documents first,
 * always; then, unless `acceptNew` is false (safelist mode), the documents clients registered with APQ
 * (bounded, least recently used dropped). In safelist mode nothing is ever added, so APQ cannot be used
 * to register a document the manifest does not hold.
 */
export function persistedQueryCache(
  trusted: TrustedDocuments | undefined,
  { acceptNew }: { acceptNew: boolean },
): NonNullable<PersistedQueryOptions['cache']> {
  const registered = new LRUCache<string, string>({
    maxSize: MAX_APQ_BYTES,
    sizeCalculation: (value) => Math.max(1, value.length),
  });
  return {
    async get(key) {
      const hash = HASH.exec(key)?.[1];
      return (hash && trusted?.byHash.get(hash)) ?? registered.get(key);
    },
    async set(key, value) {
      if (acceptNew) registered.set(key, value);
    },
    async delete(key) {
      registered.delete(key);
    },
  };
}
