export { guardRequestTargets } from './guard-request-targets.ts';
export type { LlmRouteProxy, LlmRouteProxyDeps, LlmRouteProxyOptions } from './llm-route-proxy.ts';
export { createLlmRouteProxy } from './llm-route-proxy.ts';
export { LLM_ROUTES } from './llm-routes.ts';
export type { ProviderRouteOwners, ProviderRouteProxyOptions } from './provider-route-proxy.ts';
export { createProviderRouteProxy } from './provider-route-proxy.ts';
export { inspectRequestTarget } from './request-target.ts';
export type { UploadRouteProxyOptions } from './upload-route-proxy.ts';
export { createUploadRouteProxy, TIKTOK_UPLOAD_PATH } from './upload-route-proxy.ts';
