export type { UrlDescription } from './describe-url.ts';
export { describeUrl } from './describe-url.ts';
export { headersFromRaw } from './headers-from-raw.ts';
export type { ProviderHttpClient, ProviderHttpClientOptions } from './provider-http-client.ts';
export { createProviderHttpClient } from './provider-http-client.ts';
export type { ProviderRequest, ProviderResponse } from './provider-request.ts';
export { parseRetryAfter, retryAfterFromHeaders } from './retry-after.ts';
export type { ResponseHead, RetryDecision, RetryReason } from './retry-decision.ts';
export { classifyByStatus } from './retry-decision.ts';
