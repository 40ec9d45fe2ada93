export type { Registry } from 'prom-client';
export type { ServiceMetrics } from './create-metrics.ts';
export { createMetrics } from './create-metrics.ts';
export { metricOnce } from './metric-once.ts';
