export type { ApiHealth } from './api-health.ts';
export { API_HEALTH_SQL, apiHealth } from './api-health.ts';
export type { CallOutcome, ConnectionHealth, ConnectionHealthDeps } from './connection-health.ts';
export { createConnectionHealth } from './connection-health.ts';
export type { CallHealth, WindowStats } from './derive-health.ts';
export { deriveHealth } from './derive-health.ts';
export type { ConnectionHealthSettings } from './health-settings.ts';
export { connectionHealthEnv, DEFAULT_HEALTH_SETTINGS } from './health-settings.ts';
export { registerHealthMetrics } from './register-health-metrics.ts';
