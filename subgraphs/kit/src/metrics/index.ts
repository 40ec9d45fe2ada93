export type { ServiceMetrics } from './create-metrics.ts';
export { createMetrics } from './create-metrics.ts';
