/** The subgraphs that own public provider routes. */
export type RouteOwner = 'shopify' | 'tiktok';

/** One public route the gateway forwards: exactly this path and method, to its owner. */
export interface ProviderRoute {
  /** The exact path, also the upstream path. */
  path: string;
  owner: RouteOwner;
  method: 'GET' | 'POST';
  /** Request headers forwarded besides {@link COMMON_REQUEST_HEADERS}. */
  forwards(name: string): boolean;
}

/**
 * Forwarded on every route (lowercase). The gateway sets `x-request-id` and `x-forwarded-*` itself. The
 * W3C trace context lets the owner's span (a webhook's, a callback's) continue the sender's trace; the
 * owner ignores a malformed one.
 */
export const COMMON_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'content-type',
  'user-agent',
  'traceparent',
  'tracestate',
]);

/** Copied back from the owner's answer; nothing else (no `server`, internal ids, hop-by-hop headers). */
export const RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'content-type',
  'content-language',
  'cache-control',
  'location',
  'referrer-policy',
  'retry-after',
  'set-cookie',
  'x-content-type-options',
]);

// OAuth routes read the browser-binding cookie; webhook routes their provider's signature headers.
const oauthHeaders = (name: string) => name === 'cookie';
const shopifyWebhookHeaders = (name: string) => name.startsWith('x-shopify-');
const tiktokWebhookHeaders = (name: string) => name === 'tiktok-signature';

/**
 * The allow-list: the only paths under `/oauth/` and `/webhooks/` that exist. The upstream URL is the
 * owner's fixed origin plus one of these paths plus the query string; nothing of the request target
 * but its query reaches an owner.
 */
export const PROVIDER_ROUTES: ReadonlyMap<string, ProviderRoute> = new Map(
  (
    [
      { path: '/oauth/shopify/start', owner: 'shopify', method: 'GET', forwards: oauthHeaders },
      { path: '/oauth/shopify/callback', owner: 'shopify', method: 'GET', forwards: oauthHeaders },
      { path: '/oauth/tiktok/start', owner: 'tiktok', method: 'GET', forwards: oauthHeaders },
      { path: '/oauth/tiktok/callback', owner: 'tiktok', method: 'GET', forwards: oauthHeaders },
      { path: '/webhooks/shopify', owner: 'shopify', method: 'POST', forwards: shopifyWebhookHeaders },
      { path: '/webhooks/tiktok', owner: 'tiktok', method: 'POST', forwards: tiktokWebhookHeaders },
    ] satisfies ProviderRoute[]
  ).map((route) => [route.path, route]),
);

/** Whether a path is in the provider-route namespace (any case: `/OAuth/…` is not another namespace). */
export function isProviderRoutePath(path: string): boolean {
  const lower = path.toLowerCase();
  return ['/oauth', '/webhooks'].some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}
