import type { Identity } from '@ionflux/kit/identity';
import { LRUCache } from 'lru-cache';
import type { LlmFailure } from '../providers/provider-failure.ts';

/**
 * Counts the LLM calls (completions, embeddings, `aiSummary`s) of each gateway request, by the request id
 * the gateway forwards: one query can fan out into many (aliases × list items × `aiSummary`), and the
 * gateway may fetch from this subgraph several times for it. Calls past the cap are refused, the others
 * go ahead, so the query still answers in part.
 *
 * Counted in this process's memory: with N instances behind a balancer, the fetches of one request that
 * reach different instances are counted apart (at worst N times the cap). A client reusing one
 * `x-request-id` across requests shares one count between them.
 */
export interface RequestCallCap {
  readonly max: number;
  /** Counts one call; the failure to answer it with when it is past the cap. */
  take(identity: Identity): LlmFailure | undefined;
}

/**
 * @param options.ttlMs how long a request's count is kept after its last call: longer than any request
 *   runs. @default 600_000
 * @param options.maxRequests counts kept at once. @default 100_000
 */
export function createRequestCallCap(
  max: number,
  options: { ttlMs?: number; maxRequests?: number } = {},
): RequestCallCap {
  const counts = new LRUCache<string, { calls: number }>({
    max: options.maxRequests ?? 100_000,
    ttl: options.ttlMs ?? 600_000,
  });
  return {
    max,
    take(identity) {
      // Scoped to the workspace: a request id chosen by one workspace never counts against another's.
      const key = `${identity.workspaceId}/${identity.requestId}`;
      const count = counts.get(key);
      if (count === undefined) {
        counts.set(key, { calls: 1 });
        return undefined;
      }
      count.calls += 1;
      if (count.calls <= max) return undefined;
      return {
        code: 'INVALID_REQUEST',
        message: `This request asked for more than ${max} LLM calls (completions, embeddings, aiSummary); the ones past ${max} were not made. Ask for fewer at once (a smaller \`first\`, fewer aliases) and fetch the rest in another request.`,
      };
    },
  };
}
