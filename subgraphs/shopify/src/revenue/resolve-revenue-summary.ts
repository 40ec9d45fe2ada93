import { IntegrationError } from '@ionflux/kit/errors';
import type { QueryResolvers, RevenueSummaryResolvers } from '../generated/resolvers-types.ts';
import { listShopifyConnections } from '../queries/index.ts';
import { loadLocalDays } from './load-local-days.ts';
import { queryRevenue } from './query-revenue.ts';
import { queryTopProducts } from './query-top-products.ts';
import { planRevenue } from './revenue-plan.ts';
import type { RevenueSummaryParent } from './revenue-summary-parent.ts';

/** The longest span one summary covers (about ten years of days). */
export const MAX_REVENUE_DAYS = 3700;
export const MAX_TOP_PRODUCTS = 100;

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * `revenueSummary(connectionId, from, to, interval)`: Revenue Tracker Lite from the store's mirror,
 * buckets in the timezone its day rollups are kept in (the shop's). The connection must be the caller's
 * workspace's.
 */
export const resolveRevenueSummary: NonNullable<QueryResolvers['revenueSummary']> = async (
  _parent,
  args,
  { db, sql, identity },
) => {
  const from = asDate(args.from);
  const to = asDate(args.to);
  if (!(from < to)) throw new IntegrationError('INVALID_REQUEST', 'from must be before to.');
  if (to.getTime() - from.getTime() > MAX_REVENUE_DAYS * 86_400_000) {
    throw new IntegrationError('INVALID_REQUEST', `A summary covers at most ${MAX_REVENUE_DAYS} days.`, {
      details: { maxDays: MAX_REVENUE_DAYS },
    });
  }
  const [record] = await listShopifyConnections(db, identity.workspaceId, {
    connectionId: args.connectionId,
  });
  if (!record)
    throw new IntegrationError('NOT_FOUND', 'That Shopify connection does not exist in this workspace.');
  const timezone = record.shop?.rollupTimezone ?? 'UTC';
  const plan = planRevenue(from, to, args.interval, await loadLocalDays(sql, timezone, from, to));
  const parent: RevenueSummaryParent = {
    connectionId: record.connection.id,
    // XXX is ISO 4217's "no currency": the store has not been read yet.
    currency: record.shop?.currency ?? 'XXX',
    ianaTimezone: timezone,
    from,
    to,
    interval: args.interval,
    totals: await queryRevenue(sql, record.connection.id, plan),
    plan,
    lastSyncedAt: record.connection.lastSyncedAt,
  };
  return parent;
};

const money = (parent: RevenueSummaryParent, amount: string) => ({ amount, currencyCode: parent.currency });

/** The fields of `RevenueSummary` computed from the parent. */
export const revenueSummaryResolvers: RevenueSummaryResolvers = {
  orderCount: (parent) => parent.totals.orderCount,
  totalSales: (parent) => money(parent, parent.totals.totalSales),
  grossSales: (parent) => money(parent, parent.totals.grossSales),
  refunds: (parent) => money(parent, parent.totals.refunds),
  averageOrderValue: (parent) => money(parent, parent.totals.averageOrderValue),
  series: (parent) =>
    parent.plan.buckets.map((bucket, index) => {
      const figures = parent.totals.series[index];
      return {
        start: bucket.start,
        end: bucket.end,
        orderCount: figures?.orderCount ?? 0,
        totalSales: money(parent, figures?.totalSales ?? '0.00'),
      };
    }),
  topProducts: async (parent, { limit }, { sql }) => {
    const size = limit ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > MAX_TOP_PRODUCTS) {
      throw new IntegrationError('INVALID_REQUEST', `limit must be between 1 and ${MAX_TOP_PRODUCTS}.`);
    }
    const products = await queryTopProducts(sql, parent.connectionId, parent.plan, size);
    return products.map((product) => ({ ...product, sales: money(parent, product.sales) }));
  },
};
