export type { ModelPrice } from './price-table.ts';
export { estimateCostNanoUsd, listedPriceOf, NANO_PER_USD, priceOf } from './price-table.ts';
export type { Settlement, UsageEntry } from './record-usage.ts';
export { recordUsage } from './record-usage.ts';
export type { UsageGroupRow } from './usage-report.ts';
export { usageReport } from './usage-report.ts';
