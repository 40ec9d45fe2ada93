import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadSubgraphSdl, schemaPath, subgraphNames } from './subgraphs.ts';

/** Where the checked-in supergraph lives; the gateway loads it at start. */
export const SUPERGRAPH_FILE = 'supergraph.graphql';

export interface SubgraphUrls {
  llm: string;
  shopify: string;
  tiktok: string;
}

/** Placeholder routing URLs in the checked-in supergraph; the gateway routes by its own config. */
const placeholderUrls: SubgraphUrls = {
  llm: 'http://llm.ionflux.internal/graphql',
  shopify: 'http://shopify.ionflux.internal/graphql',
  tiktok: 'http://tiktok.ionflux.internal/graphql',
};

/** Composes the subgraph SDLs of `schema/` into a supergraph SDL, failing with every composition error. */
export function composeSupergraph(urls: SubgraphUrls = placeholderUrls): string {
  const result = composeServices(
    subgraphNames.map((name) => ({ name, url: urls[name], typeDefs: parse(loadSubgraphSdl(name)) })),
  );
  if (result.errors) {
    throw new Error(
      `supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

/** The checked-in supergraph SDL. */
export function loadSupergraphSdl(): string {
  return readFileSync(schemaPath(SUPERGRAPH_FILE), 'utf8');
}
