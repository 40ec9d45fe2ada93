export type { DocumentedMetric } from './metrics-table.ts';
export { readMetricsTable } from './metrics-table.ts';
export { promqlMetricNames } from './promql-metric-names.ts';
export { sampleValue, scrapeMetricNames } from './scrape-metric-names.ts';
