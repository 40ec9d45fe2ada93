import type { RawAnswer } from './raw-http.ts';

/** What gives away that an answer came from a service behind the gateway, not the gateway's refusal. */
const FINGERPRINTS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'Prometheus metrics', pattern: /^# (HELP|TYPE) \w+/m },
  {
    what: 'Prometheus metrics',
    pattern: /\b(process_cpu_user_seconds_total|nodejs_heap_size|http_requests?_\w+)\b/,
  },
  { what: 'a GraphQL answer', pattern: /^\s*\{\s*"(data|errors)"\s*:/ },
  { what: 'a GraphQL answer', pattern: /"(__typename|__schema|_service|sdl)"\s*:/ },
  {
    what: 'sandbox control data',
    pattern: /"(requests|faults|users|deliveries|webhooks|shops|keys)"\s*:\s*\[/,
  },
  { what: 'sandbox control data', pattern: /"ok"\s*:\s*true/ },
  {
    what: 'a health or readiness answer',
    pattern: /"status"\s*:\s*"(ok|ready|not ready)"|"checks"\s*:\s*\{/,
  },
  {
    what: 'a provider API error',
    pattern: /"(log_id|invalid_request_error|authentication_error)"|"type"\s*:\s*"error"/,
  },
  { what: 'a provider page', pattern: /Install app|\/admin\/oauth\/authorize|\/v2\/auth\/authorize/ },
  // A probe that reaches the subgraph's callback by a path the gateway should have refused gets its page.
  {
    what: 'the Shopify subgraph’s callback page',
    pattern: /Shopify connection failed|Shopify store connected/,
  },
  { what: 'the forwarded identity', pattern: /x-ionflux-identity/i },
  { what: 'a signed identity token', pattern: /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/ },
];

/**
 * Why an answer shows something of another service (empty when it shows nothing): fingerprints of
 * metrics, GraphQL, sandbox control routes, health checks, provider pages and the forwarded identity;
 * and an Express "Cannot GET" page naming a path other than the one sent, which a service reached by a
 * normalised path writes.
 */
export function foreignEvidence(answer: RawAnswer, sentTarget: string): string[] {
  const evidence = new Set<string>();
  const text = answer.text;
  for (const { what, pattern } of FINGERPRINTS) if (pattern.test(text)) evidence.add(what);
  for (const [name] of answer.headers) {
    if (name === 'x-ionflux-identity' || name.startsWith('x-shopify-') || name.startsWith('x-ratelimit'))
      evidence.add(`an upstream header (${name})`);
  }
  const cannot = /Cannot [A-Z]+ (\S+?)<\/pre>/.exec(text);
  if (cannot?.[1] !== undefined) {
    const shown = cannot[1].replaceAll('%5C', '\\');
    const sentPath = pathOf(sentTarget);
    if (shown !== sentPath) evidence.add(`a "not found" page of a service that saw ${cannot[1]}`);
  }
  return [...evidence];
}

/** The path of an origin-form or absolute-form request target, as a server's router sees it. */
function pathOf(target: string): string {
  const withoutQuery = target.split('?')[0] ?? target;
  const absolute = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(withoutQuery);
  return absolute ? (absolute[1] ?? '/') : withoutQuery;
}
