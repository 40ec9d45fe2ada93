import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The subgraphs the gateway federates, and the SDL files each one's schema is made of. */
export const subgraphFiles = {
  llm: ['llm.graphql'],
  shopify: ['shopify.graphql', 'connections.graphql'],
  tiktok: ['tiktok.graphql', 'tiktok-research.graphql', 'connections.graphql'],
} as const;

export type SubgraphName = keyof typeof subgraphFiles;
export const subgraphNames = Object.keys(subgraphFiles) as SubgraphName[];

/** Absolute path of a file in `schema/`. */
export function schemaPath(file: string): string {
  return fileURLToPath(new URL(`../${file}`, import.meta.url));
}

/** The SDL of one subgraph: the source of truth its server is built from. */
export function loadSubgraphSdl(name: SubgraphName): string {
  return subgraphFiles[name].map((file) => readFileSync(schemaPath(file), 'utf8')).join('\n');
}
