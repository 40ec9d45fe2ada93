// Keeping each store's mirror in step (spec 2.2): the backfill on connect with bulk operations (pages
// as the fallback), the periodic reconciliation with an overlap window, on-demand syncs, and order
// refreshes; resumable after a crash, every call within the shop's throttle bucket.
export type { SyncConnection } from './connection-session.ts';
export { openConnectionSession } from './connection-session.ts';
export { loadSyncConnection, MIRRORED_STATUSES } from './load-sync-connection.ts';
export { bulkQueryFor, type SyncKind } from './mirror-bulk-queries.ts';
export { ORDER_REFRESH_TASK, orderRefreshJob } from './order-refresh-job.ts';
export type { SyncDeps, SyncResult } from './run-connection-sync.ts';
export { runConnectionSync } from './run-connection-sync.ts';
export type { SyncSettings } from './sync-context.ts';
export { enqueueSync, SHOPIFY_SYNC_ALL_TASK, SHOPIFY_SYNC_TASK } from './sync-jobs.ts';
export { syncShopifyConnection } from './sync-shopify-connection.ts';
export { shopifySyncCron, shopifySyncTasks } from './sync-tasks.ts';
