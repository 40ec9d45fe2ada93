import { readFileSync } from 'node:fs';

/**
 * The example's SDL, beside it. A real subgraph keeps its SDL in `schema/` and loads it with
 * `loadSubgraphSdl('instagram')` from `@ionflux/schema`, after listing its files in `schema/src/subgraphs.ts`.
 */
export function loadInstagramSdl(): string {
  return readFileSync(new URL('./instagram.graphql', import.meta.url), 'utf8');
}
