export type { SubgraphUrls } from './compose-supergraph.ts';
export { composeSupergraph, loadSupergraphSdl, SUPERGRAPH_FILE } from './compose-supergraph.ts';
export type { SubgraphName } from './subgraphs.ts';
export { loadSubgraphSdl, schemaPath, subgraphFiles, subgraphNames } from './subgraphs.ts';
