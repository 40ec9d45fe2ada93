export { approveConsent } from './approve-consent.ts';
export type { ExampleOAuthContext, ExampleProviderId } from './example-oauth-context.ts';
export { startExampleOAuthContext } from './example-oauth-context.ts';
export type { ExampleOAuthProfileOptions } from './example-oauth-profile.ts';
export {
  createExampleOAuthProfile,
  EXAMPLE_APP,
  EXAMPLE_STORE_APP,
  exampleOAuthProfile,
} from './example-oauth-profile.ts';
export type { OAuthAccount } from './oauth-grants.ts';
export type { OAuthTestContext, OAuthTestProvider } from './oauth-test-context.ts';
export { startOAuthTestContext } from './oauth-test-context.ts';
export type { RecordedExchange } from './recording-fetch.ts';
export { recordingFetch, secretsIn } from './recording-fetch.ts';
export type { RefreshChildConfig } from './refresh-child.ts';
export { spawnRefreshChild } from './spawn-refresh-child.ts';
export type {
  OAuthServerFault,
  OAuthServerRequest,
  StandardOAuthServer,
  StandardOAuthServerOptions,
} from './standard-oauth-server.ts';
export { startStandardOAuthServer } from './standard-oauth-server.ts';
export { TestBrowser } from './test-browser.ts';
