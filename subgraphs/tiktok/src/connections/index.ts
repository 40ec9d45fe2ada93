export type { TikTokConnectionFilter, TikTokConnectionRecord } from './list-tiktok-connections.ts';
export { listTikTokConnections } from './list-tiktok-connections.ts';
export { toTikTokConnection } from './to-tiktok-connection.ts';
