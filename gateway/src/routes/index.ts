export type { ProviderRouteOwners } from './provider-route-proxy.ts';
export { createProviderRouteProxy } from './provider-route-proxy.ts';
