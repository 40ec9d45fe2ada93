import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import type { Logger } from '@ionflux/kit/logging';
import { type Request, type Response, Router } from 'express';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what fetch sets itself; everything else passes untouched. */
const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'upgrade',
  'proxy-connection',
  'host',
  'content-length',
]);
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

/** Each provider's public routes and the subgraph that owns them (its origin, e.g. `http://127.0.0.1:4002`). */
export interface ProviderRouteOwners {
  shopify: string;
  tiktok: string;
}

/**
 * `/oauth/{provider}/*` and `/webhooks/{provider}` at the gateway's origin, forwarded to the owning
 * subgraph with the raw body bytes and headers as received (webhook signatures are over the raw body, the
 * OAuth callback's over its query), and the subgraph's answer (status, redirects, body) sent back as is.
 * Mount before any body parser.
 */
export function createProviderRouteProxy(owners: ProviderRouteOwners, logger: Logger): Router {
  const router = Router();
  for (const provider of ['shopify', 'tiktok'] as const) {
    const forward = (req: Request, res: Response) => {
      proxy(owners[provider], req, res).catch((error: unknown) => {
        logger.warn({ err: error, provider, path: req.path }, 'provider route not reachable');
        if (!res.headersSent) {
          res.status(502).json({
            error: { code: 'PROVIDER_UNAVAILABLE', message: `The ${provider} service is not reachable.` },
          });
        } else {
          res.end();
        }
      });
    };
    router.all(`/oauth/${provider}/*path`, forward);
    router.all(`/webhooks/${provider}`, forward);
  }
  return router;
}

async function proxy(origin: string, req: Request, res: Response): Promise<void> {
  const target = new URL(req.originalUrl, origin);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers: forwardedHeaders(req.headers, req),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  const answer = await fetch(target, init);
  res.status(answer.status);
  answer.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) res.setHeader(name, value);
  });
  const body = Buffer.from(await answer.arrayBuffer());
  res.end(body);
}

function forwardedHeaders(headers: IncomingHttpHeaders, req: Request): Headers {
  const forwarded = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name)) continue;
    forwarded.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  forwarded.set('x-forwarded-host', req.headers.host ?? '');
  forwarded.set('x-forwarded-proto', req.protocol);
  return forwarded;
}
