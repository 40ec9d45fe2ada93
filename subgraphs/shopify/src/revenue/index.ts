// Revenue Tracker Lite (spec 2.2): revenueSummary from the mirror's rollups, exact and in the shop's
// timezone.

export { loadLocalDays } from './load-local-days.ts';
export type { RevenueTotals } from './query-revenue.ts';
export { queryRevenue } from './query-revenue.ts';
export type { TopProduct } from './query-top-products.ts';
export { queryTopProducts } from './query-top-products.ts';
export {
  MAX_REVENUE_DAYS,
  MAX_TOP_PRODUCTS,
  resolveRevenueSummary,
  revenueSummaryResolvers,
} from './resolve-revenue-summary.ts';
export type { LocalDay, RevenueInterval, RevenuePlan } from './revenue-plan.ts';
export { planRevenue } from './revenue-plan.ts';
export type { RevenueSummaryParent } from './revenue-summary-parent.ts';
