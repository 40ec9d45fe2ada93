export type { AdminApiDeps, AdminApiSettings } from './admin-api-deps.ts';
export { createAdminApiDeps } from './admin-api-deps.ts';
export { isThrottled, MAX_QUERY_COST, readAdminCost } from './admin-cost.ts';
export type { AdminOperation } from './admin-operation.ts';
export type { AdminSession, AdminTarget } from './admin-session.ts';
export { openAdminSession } from './admin-session.ts';
export { classifyAdminResponse } from './classify-admin-response.ts';
export * from './operations/index.ts';
export { ShopBuckets, ThrottleBucket, type ThrottleStatus } from './throttle-bucket.ts';
