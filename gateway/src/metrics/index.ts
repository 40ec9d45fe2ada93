export { operationMetrics } from './operation-metrics.ts';
export { type ObserveSubgraphFetch, subgraphFetchMetrics } from './subgraph-fetch-metrics.ts';
