// Connecting and disconnecting TikTok accounts (spec 3.1): the OAuth profile, the start and callback
// routes, the start/disconnect mutations, and the account mirror filled on connect.
export { disconnectTikTokConnection } from './disconnect-tiktok-connection.ts';
export { mountOAuthRoutes } from './mount-oauth-routes.ts';
export { TIKTOK_REFRESH_TASK, tiktokRefreshCron, tiktokRefreshTask } from './refresh-sweep.ts';
export { requestTikTokScopes } from './request-tiktok-scopes.ts';
export { DEFAULT_TIKTOK_SCOPES, startTikTokConnection } from './start-tiktok-connection.ts';
export { syncTikTokAccount } from './sync-tiktok-account.ts';
export type { TikTokOAuth } from './tiktok-oauth.ts';
export { loadTikTokOAuth, requireTikTokOAuth } from './tiktok-oauth.ts';
export type { TikTokOAuthConfig } from './tiktok-profile.ts';
export { createTikTokOAuthProfile } from './tiktok-profile.ts';
