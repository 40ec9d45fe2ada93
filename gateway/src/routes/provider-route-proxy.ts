import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@ionflux/kit/logging';
import {
  type NodeHandler,
  pathOf,
  requestIdOf,
  type ServiceServer,
  sendRouteError,
} from '@ionflux/kit/server';
import { Agent, errors } from 'undici';
import {
  COMMON_REQUEST_HEADERS,
  isProviderRoutePath,
  PROVIDER_ROUTES,
  type ProviderRoute,
  RESPONSE_HEADERS,
  type RouteOwner,
} from './provider-routes.ts';
import { readRequestBody, readUpstreamBody } from './read-capped.ts';
import { inspectRequestTarget } from './request-target.ts';

/** Webhook deliveries in flight at once on one connection to their owner. */
const WEBHOOK_PIPELINING = 8;

/** Each owner's origin (scheme, host, port; e.g. `http://127.0.0.1:4002`), fixed at start. */
export type ProviderRouteOwners = Record<RouteOwner, string>;

export interface ProviderRouteProxyOptions {
  /** Larger request bodies get 413 and nothing is forwarded. @default 1048576 (1 MiB) */
  maxRequestBytes?: number;
  /** Larger answers from an owner become a 502; nothing of them is relayed. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
  /** How long an owner has to answer completely; then 504. @default 30000 */
  timeoutMs?: number;
}

export interface ProviderRouteProxy {
  /** Whether the request is in the provider-route namespace (`/oauth/…`, `/webhooks/…`, any case). */
  matches(req: IncomingMessage): boolean;
  /** Answers a request {@link ProviderRouteProxy.matches} picked: forwarded, or refused with a coded error. */
  handle: NodeHandler;
  /** Closes the keep-alive pool to the owners. */
  close(): Promise<void>;
}

/**
 * The provider routes at the gateway's public origin (`/oauth/{shopify,tiktok}/{start,callback}`,
 * `/webhooks/{shopify,tiktok}`), forwarded to the subgraph that owns them. The upstream URL is that
 * subgraph's fixed origin, the route's path from the allow-list, and the request's query string; only
 * allow-listed headers go up (never the caller's `authorization`, `x-ionflux-identity` or
 * `x-forwarded-*`) and come back; bodies are bounded both ways and the owner has `timeoutMs`. Any other
 * path under `/oauth` or `/webhooks`, or another method, is 404 without contacting anyone. Webhook bodies
 * are forwarded byte for byte (their signature is over the raw body). Served straight from Node's request
 * ({@link ServiceServer.serveDirect}: a webhook burst is thousands a second, and Express's routing and
 * request decoration measured at about a quarter of this proxy's CPU per delivery); run the server behind
 * {@link guardRequestTargets}, which refuses absolute-form targets and path tricks.
 */
export function createProviderRouteProxy(
  owners: ProviderRouteOwners,
  logger: Logger,
  options: ProviderRouteProxyOptions = {},
): ProviderRouteProxy {
  const limits = {
    maxRequestBytes: options.maxRequestBytes ?? 1024 * 1024,
    maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  // The proxy's own keep-alive pools (undici's request API: a webhook burst is this route's whole load,
  // and fetch's WHATWG streams cost it about twice the CPU); each exchange is bounded by `timeoutMs`
  // through the abort signal below. OAuth requests go one to a connection at a time. Webhook deliveries
  // are pipelined, WEBHOOK_PIPELINING to a connection: a burst reaches the owner on a few busy
  // connections instead of one each, and both processes make far fewer system calls (the webhook ingest
  // benchmark on 2 cores: the gateway's CPU 190–480 → 140–170 µs a delivery). Sending a delivery again
  // is safe, the owner deduplicates on the provider's delivery id; an answer lost with its connection is
  // a 502, which the provider retries.
  const agent = new Agent({ connections: 128, headersTimeout: 0, bodyTimeout: 0 });
  const webhookAgent = new Agent({
    connections: 128,
    pipelining: WEBHOOK_PIPELINING,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    // The server-level guard already ran; checked again so this handler is safe wherever it is mounted.
    const verdict = inspectRequestTarget(target);
    if (!verdict.ok) {
      sendRouteError(res, 'INVALID_REQUEST', verdict.message, { close: true });
      return;
    }
    const route = PROVIDER_ROUTES.get(pathOf(target));
    if (!route || route.method !== req.method) {
      // The path is not echoed: an answer says nothing about what was asked for.
      sendRouteError(res, 'NOT_FOUND', 'There is no such OAuth or webhook route.');
      return;
    }
    // The query string as the WHATWG URL parser re-encodes it (a `#` in it, say, stays in the query).
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? route.path : withQuery(route.path, target.slice(queryAt + 1));
    try {
      await forward(route, path, req, res, limits);
    } catch (error) {
      logger.error({ err: error, route: route.path }, 'provider route failed');
      if (!res.headersSent) sendRouteError(res, 'INTERNAL', 'Internal error.');
      else res.destroy();
    }
  };
  return {
    matches: (req) => isProviderRoutePath(pathOf(req.url ?? '/')),
    handle,
    close: async () => {
      await Promise.all([agent.close(), webhookAgent.close()]);
    },
  };

  async function forward(
    route: ProviderRoute,
    /** The route's path and the request's query string. */
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
    { maxRequestBytes, maxResponseBytes, timeoutMs }: Required<ProviderRouteProxyOptions>,
  ): Promise<void> {
    let body: Buffer<ArrayBuffer> | undefined;
    if (route.method === 'POST') {
      const read = await readRequestBody(req, maxRequestBytes);
      if (!read.ok) {
        if (read.reason === 'too_large') {
          sendRouteError(res, 'INVALID_REQUEST', `The body is larger than ${maxRequestBytes} bytes.`, {
            status: 413,
            close: true,
          });
        }
        return;
      }
      body = read.bytes;
    }
    const unavailable = (status: number, reason: string, error?: unknown) => {
      logger.warn(
        { err: error, route: route.path, owner: route.owner, reason },
        'provider route upstream failed',
      );
      sendRouteError(
        res,
        'PROVIDER_UNAVAILABLE',
        status === 504
          ? `The ${route.owner} service did not answer in time.`
          : `The ${route.owner} service is not available.`,
        { status },
      );
    };
    // A timer cleared with the exchange (AbortSignal.timeout's would live its full 30 s: at a webhook
    // burst's thousands a second, that many timers kept in memory and promoted by each collection).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const { signal } = controller;
    let answer: Awaited<ReturnType<Agent['request']>>;
    let answerBody: Buffer<ArrayBuffer>;
    try {
      const webhook = route.path.startsWith('/webhooks/');
      answer = await (webhook ? webhookAgent : agent).request({
        origin: owners[route.owner],
        path,
        method: route.method,
        headers: forwardedHeaders(route, req, res),
        body: body ?? null,
        signal,
        // undici pipelines only what it may send again, and holds a connection until the answer's head
        // unless told it need not.
        ...(webhook ? { idempotent: true, blocking: false } : {}),
      });
      const read = await readUpstreamBody(answer.body, maxResponseBytes);
      if (!read.ok) {
        unavailable(502, `answer over ${maxResponseBytes} bytes`);
        return;
      }
      answerBody = read.bytes;
    } catch (error) {
      const timedOut = signal.aborted || error instanceof errors.RequestAbortedError;
      unavailable(timedOut ? 504 : 502, timedOut ? 'timeout' : 'unreachable', error);
      return;
    } finally {
      clearTimeout(timer);
    }
    res.statusCode = answer.statusCode;
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && RESPONSE_HEADERS.has(name)) res.setHeader(name, value);
    }
    res.setHeader('content-length', answerBody.length);
    res.end(answerBody);
  }
}

function withQuery(path: string, query: string): string {
  const url = new URL(path, 'http://owner.invalid');
  url.search = query;
  return `${url.pathname}${url.search}`;
}

/** The allow-listed request headers, plus what the gateway itself says about the request. */
function forwardedHeaders(
  route: ProviderRoute,
  req: IncomingMessage,
  res: ServerResponse,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || !(COMMON_REQUEST_HEADERS.has(name) || route.forwards(name))) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['x-request-id'] = requestIdOf(res);
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  return headers;
}
