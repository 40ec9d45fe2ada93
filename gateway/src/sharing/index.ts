export { shareIdenticalFetches } from './share-identical-fetches.ts';
export { shareIdenticalRequests } from './share-identical-requests.ts';
export { createSharingMetrics, type SharingMetrics } from './sharing-metrics.ts';
