import { INTERNAL_PORT_NAMES, type InternalPortName } from './start-target-system.ts';

/** One hostile request target sent to the gateway, and the statuses a refusal may have. */
export interface PathProbe {
  name: string;
  method: 'GET' | 'POST';
  /** The request target, given the port of each part of the running system. */
  target(portOf: (name: InternalPortName | 'gateway') => number): string;
  /** 400 where the issue demands it (dot, encoded-dot, backslash, `;`, `//` segments, absolute form). */
  refusal: readonly number[];
  body?: string;
}

const BAD_SEGMENT = [400] as const;
const UNKNOWN_PATH = [400, 404] as const;

/**
 * Origin-form targets that try to leave the allow-listed provider routes (`/oauth/{shopify,tiktok}/
 * {start,callback}`, `/webhooks/{shopify,tiktok}`) for another route of the subgraph behind them
 * (`/metrics`, `/healthz`, `/readyz`, `/graphql`) or another host (`//host:port/...`).
 */
export function originFormProbes(): PathProbe[] {
  const get = (
    name: string,
    target: string | PathProbe['target'],
    refusal: readonly number[] = BAD_SEGMENT,
  ): PathProbe => ({
    name,
    method: 'GET',
    target: typeof target === 'string' ? () => target : target,
    refusal,
  });
  const simulator = (path: string) => (portOf: Parameters<PathProbe['target']>[0]) =>
    path.replace('{port}', String(portOf('llm simulator')));
  return [
    get('encoded dots, mixed case, to /metrics', '/oauth/shopify/%2e%2e/%2E%2E/metrics'),
    get('raw dots to the sandbox control API', '/oauth/shopify/../../_control/requests'),
    get('raw dots to /metrics', '/oauth/shopify/../../metrics'),
    get('raw dots to /healthz', '/oauth/shopify/../../healthz'),
    get('encoded dots to /readyz', '/oauth/shopify/%2e%2e/%2e%2e/readyz'),
    get(
      'encoded dots to the subgraph GraphQL endpoint',
      '/oauth/shopify/%2e%2e/%2e%2e/graphql?query=%7B__typename%7D',
    ),
    get('dots after the callback path', '/oauth/shopify/callback/../../../graphql?query=%7B__typename%7D'),
    get('dots back onto the allow-listed path', '/oauth/shopify/../../oauth/shopify/callback'),
    get('a trailing dot segment', '/oauth/shopify/callback/..'),
    get('a single encoded dot segment', '/oauth/shopify/%2e/callback'),
    get('half-encoded dots (.%2e)', '/oauth/shopify/.%2e/.%2e/metrics'),
    get('half-encoded dots (%2e.)', '/oauth/shopify/%2e./%2e./metrics'),
    get('encoded dots and slashes', '/oauth/shopify/..%2f..%2fmetrics'),
    get('fully encoded traversal', '/oauth/shopify/%2e%2e%2f%2e%2e%2fmetrics'),
    get('double-encoded dots', '/oauth/shopify/%252e%252e/%252e%252e/metrics', UNKNOWN_PATH),
    get(
      'double-encoded dots and slashes',
      '/oauth/shopify/%252e%252e%252f%252e%252e%252fmetrics',
      UNKNOWN_PATH,
    ),
    get('overlong UTF-8 dots', '/oauth/shopify/%c0%ae%c0%ae/%c0%ae%c0%ae/metrics', UNKNOWN_PATH),
    get('raw backslashes', '/oauth/shopify/..\\..\\metrics'),
    get('raw backslashes after the provider', '/oauth/shopify\\..\\..\\metrics', UNKNOWN_PATH),
    get('encoded backslashes (%5c)', '/oauth/shopify/..%5c..%5cmetrics'),
    get('encoded backslashes (%5C) to the control API', '/oauth/shopify/..%5C..%5C_control%5Crequests'),
    get('";" path parameters on dot segments', '/oauth/shopify/..;/..;/metrics'),
    get('";" path parameter on the callback', '/oauth/shopify/callback;jsessionid=1'),
    get('";" then dots', '/oauth/shopify/callback;/../../metrics'),
    get('"//" inside the provider route', '/oauth/shopify//callback'),
    get('"//" after /oauth', '/oauth//shopify/callback', UNKNOWN_PATH),
    get('"//" before /oauth', '//oauth/shopify/callback', UNKNOWN_PATH),
    get('"///" before /oauth', '///oauth/shopify/callback', UNKNOWN_PATH),
    get(
      'a protocol-relative target to a simulator',
      simulator('//127.0.0.1:{port}/_control/requests'),
      UNKNOWN_PATH,
    ),
    get('"///" protocol-relative target', simulator('///127.0.0.1:{port}/_control/requests'), UNKNOWN_PATH),
    get(
      '"//" host inside the provider route',
      simulator('/oauth/shopify//127.0.0.1:{port}/_control/requests'),
    ),
    get('upper-case route with encoded dots', '/OAUTH/SHOPIFY/%2e%2e/%2e%2e/metrics'),
    get('TikTok route, encoded dots to /metrics', '/oauth/tiktok/%2e%2e/%2e%2e/metrics'),
    get('TikTok route, raw dots to /graphql', '/oauth/tiktok/../../graphql?query=%7B__typename%7D'),
    get('dots in the webhook route', '/webhooks/shopify/../../metrics', UNKNOWN_PATH),
    get(
      'encoded dots after the webhook route',
      '/webhooks/shopify/%2e%2e/%2e%2e/_control/requests',
      UNKNOWN_PATH,
    ),
    get('encoded slash in the webhook route', '/webhooks/shopify%2f..%2f..%2fmetrics', UNKNOWN_PATH),
    get('an unknown path under /oauth/shopify', '/oauth/shopify/install', [404]),
    get('dots before the provider', '/oauth/%2e%2e/metrics', UNKNOWN_PATH),
    {
      name: 'POST to the webhook route with a trailing slash (not the exact path)',
      method: 'POST',
      target: () => '/webhooks/shopify/',
      refusal: UNKNOWN_PATH,
      body: '{}',
    },
    {
      name: 'POST to the webhook route in another case (not the exact path)',
      method: 'POST',
      target: () => '/WEBHOOKS/Shopify',
      refusal: UNKNOWN_PATH,
      body: '{}',
    },
    ...uploadRouteProbes(),
    {
      name: 'POST of an introspection query through encoded dots',
      method: 'POST',
      target: () => '/oauth/shopify/%2e%2e/%2e%2e/graphql',
      refusal: BAD_SEGMENT,
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    },
  ];
}

/**
 * The upload route (`POST /uploads/tiktok`, the caller's JWT checked at the gateway, the body streamed to
 * the TikTok subgraph): escapes from it, near misses of its exact path, and a forged identity without a
 * JWT (the probe sends one) all stop at the gateway.
 */
function uploadRouteProbes(): PathProbe[] {
  const post = (name: string, target: string, refusal: readonly number[]): PathProbe => ({
    name,
    method: 'POST',
    target: () => target,
    refusal,
    body: 'not a video',
  });
  return [
    post('upload route, raw dots to /metrics', '/uploads/tiktok/../../metrics', BAD_SEGMENT),
    post(
      'upload route, encoded dots to the subgraph GraphQL',
      '/uploads/tiktok/%2e%2e/%2e%2e/graphql',
      BAD_SEGMENT,
    ),
    post(
      'upload route, encoded backslashes to the control API',
      '/uploads/tiktok/..%5c..%5c_control%5crequests',
      BAD_SEGMENT,
    ),
    post('upload route with a trailing slash (not the exact path)', '/uploads/tiktok/', UNKNOWN_PATH),
    post('upload route in another case (not the exact path)', '/UPLOADS/TikTok', UNKNOWN_PATH),
    post('upload route of another provider', '/uploads/shopify', UNKNOWN_PATH),
    post('upload route with a forged identity and no JWT', '/uploads/tiktok', [401]),
    {
      name: 'GET of the upload route',
      method: 'GET',
      target: () => '/uploads/tiktok',
      refusal: UNKNOWN_PATH,
    },
  ];
}

/**
 * Absolute-form targets (`GET http://127.0.0.1:<port>/... HTTP/1.1`) naming every port of the system,
 * the gateway's own included: a proxy must never let the client choose the host.
 */
export function absoluteFormProbes(): PathProbe[] {
  const paths: readonly [string, PathProbe['method']][] = [
    ['/oauth/shopify/callback', 'GET'],
    ['/oauth/shopify/../../_control/requests', 'GET'],
    ['/oauth/shopify/../../metrics', 'GET'],
    ['/oauth/shopify/%2e%2e/%2e%2e/graphql?query=%7B__typename%7D', 'GET'],
    ['/webhooks/shopify', 'POST'],
    ['/uploads/tiktok', 'POST'],
  ];
  return (['gateway', ...INTERNAL_PORT_NAMES] as const).flatMap((name) =>
    paths.map(([path, method]) => ({
      name: `${name}: ${method} http://127.0.0.1:<${name} port>${path}`,
      method,
      target: (portOf: Parameters<PathProbe['target']>[0]) => `http://127.0.0.1:${portOf(name)}${path}`,
      refusal: BAD_SEGMENT,
      ...(method === 'POST' ? { body: '{}' } : {}),
    })),
  );
}
