export type {
  BeginBrowserAuthorizationInput,
  BeginBrowserAuthorizationResult,
  BrowserStartFailure,
} from './begin-browser-authorization.ts';
export { beginBrowserAuthorization } from './begin-browser-authorization.ts';
export { bindingCookieName, newBindingCookie } from './browser-binding-cookie.ts';
export type { TokenCallResult } from './call-token-endpoint.ts';
export type {
  AuthorizationFailure,
  AuthorizedConnection,
  CompleteAuthorizationOptions,
  CompleteAuthorizationResult,
} from './complete-authorization.ts';
export { completeAuthorization } from './complete-authorization.ts';
export type { ConnectionRow } from './connection-row.ts';
export type { CookieAttributes } from './cookie-header.ts';
export { readCookie, serializeCookie } from './cookie-header.ts';
export type { AccessToken } from './get-access-token.ts';
export { DEFAULT_REFRESH_MARGIN_MS, getAccessToken } from './get-access-token.ts';
export type { GrantTicket, GrantTicketReading } from './grant-ticket.ts';
export { createGrantTicket, DEFAULT_GRANT_TICKET_TTL_MS, readGrantTicket } from './grant-ticket.ts';
export { markAuthInvalid } from './mark-auth-invalid.ts';
export type { OAuthDeps } from './oauth-deps.ts';
export type { OAuthSigningKey } from './oauth-signing-key.ts';
export { deriveOAuthSigningKey } from './oauth-signing-key.ts';
export type {
  AuthorizationUrlInput,
  CallbackReading,
  CodeExchangeInput,
  OAuthProvider,
  OAuthProviderProfile,
  StoredGrant,
  TokenEndpointRequest,
  TokenError,
  TokenErrorKind,
  TokenSet,
} from './provider-profile.ts';
export { classifyOAuthError, formBody, isTokenError, splitScopes } from './provider-profile.ts';
export { pruneOAuthStates } from './prune-oauth-states.ts';
export type { RefreshSweepResult } from './refresh-expiring-credentials.ts';
export { refreshExpiringCredentials } from './refresh-expiring-credentials.ts';
export { registerOAuthMetrics } from './refresh-metrics.ts';
export type { RequireScopesInput } from './require-scopes.ts';
export { requireScopes } from './require-scopes.ts';
export type { RevokeResult } from './revoke-connection.ts';
export { revoke } from './revoke-connection.ts';
export type { AuthorizationStart, ConnectionOwner, StartAuthorizationInput } from './start-authorization.ts';
export { STATE_TTL_MS, startAuthorization } from './start-authorization.ts';
export { hashState } from './state-token.ts';
