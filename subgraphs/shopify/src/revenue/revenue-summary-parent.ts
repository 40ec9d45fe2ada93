import type { RevenueTotals } from './query-revenue.ts';
import type { RevenueInterval, RevenuePlan } from './revenue-plan.ts';

/** What `revenueSummary` resolves to; `topProducts` is computed only when selected, from the same plan. */
export interface RevenueSummaryParent {
  connectionId: string;
  currency: string;
  ianaTimezone: string;
  from: Date;
  to: Date;
  interval: RevenueInterval;
  totals: RevenueTotals;
  plan: RevenuePlan;
  lastSyncedAt: Date | null;
}
