import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type postgres from 'postgres';
import { Registry } from 'prom-client';
import { ErrorCode } from '../errors/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logging/index.ts';
import { type NodeHandler, sendRouteError } from '../server/index.ts';
import { contextFromTraceHeaders, SpanKind, type Tracing } from '../tracing/index.ts';
import type { StoreDelivery } from './create-delivery-batcher.ts';
import { keptHeaders } from './kept-headers.ts';
import { classifyStoreFailure, invalidPayloadMessage } from './store-failure.ts';
import { storableDelivery, storeWebhookDelivery } from './store-webhook-delivery.ts';
import { createWebhookMetrics, type WebhookReceipt } from './webhook-metrics.ts';
import { type WebhookSource, webhookPath } from './webhook-source.ts';

export interface WebhookHandlerDeps {
  sql: postgres.Sql;
  queue: JobQueue;
  logger: Logger;
  source: WebhookSource;
  /** Larger bodies are refused with 400. @default 1 MiB */
  maxBodyBytes?: number;
  /**
   * Answer 503 when storing takes longer, well inside providers' delivery timeouts (some wait
   * only 5 s); the sender retries and the retry is recognised as a duplicate if the store did commit.
   * @default 4000
   */
  storeTimeoutMs?: number;
  /** `Retry-After` of a 503. @default 10 */
  retryAfterSeconds?: number;
  /**
   * How a verified delivery is stored (and its job enqueued, in the same commit). E.g.
   * {@link createDeliveryBatcher} for group commits under bursts. @default storeWebhookDelivery, one
   * transaction per delivery
   */
  store?: StoreDelivery;
  /** Where `ionflux_webhooks_received_total` goes. @default a private registry nobody scrapes */
  registry?: Registry;
  /**
   * A SERVER span per delivery (continuing a `traceparent` it came with); its processing job continues
   * the trace. @default off
   */
  tracing?: Tracing;
}

/**
 * One provider's webhook route (`POST`; another method is 404), as a handler of Node's request: a
 * service serves it straight from its HTTP server (`ServiceServer.serveDirect`: a burst is thousands
 * of deliveries a second, and Express's routing and request decoration are not free), or mounts it in
 * an Express app. The signature is checked on the raw bytes before anything is parsed or stored: a bad
 * one gets 401 and leaves no trace. An authentic delivery is stored and its processing job enqueued in
 * one transaction, and 200 is sent only after that commit; a delivery seen before gets 200 again with
 * nothing new enqueued. When the database cannot take it, 503 with `Retry-After`, so the provider
 * delivers it again later.
 */
export function createWebhookHandler(deps: WebhookHandlerDeps): NodeHandler {
  const { source } = deps;
  const route = webhookPath(source.provider);
  const logger = deps.logger.child({ component: 'webhooks', provider: source.provider });
  const retryAfter = String(deps.retryAfterSeconds ?? 10);
  const store: StoreDelivery =
    deps.store ?? ((delivery, headers) => storeWebhookDelivery({ ...deps, delivery, headers }));
  const metrics = createWebhookMetrics(deps.registry ?? new Registry());
  const count = (outcome: WebhookReceipt) => metrics.received(source.provider, outcome);

  const receive = async (req: IncomingMessage, rawBody: Buffer, res: ServerResponse) => {
    const headers = flattenHeaders(req.headers);
    const verification = await source.verify(rawBody, headers);
    if (!verification.ok) {
      const code = verification.code ?? 'UNAUTHENTICATED';
      logger.warn(
        {
          reason: verification.reason,
          code,
          ip: req.socket.remoteAddress,
          forwardedFor: req.headers['x-forwarded-for'],
        },
        'webhook delivery refused',
      );
      count('refused');
      sendRouteError(res, code, verification.reason);
      return;
    }
    const { deliveryId, topic } = verification;
    try {
      const stored = await withTimeout(
        // The payload's text is chosen first (an unstorable one is refused here): only it waits for the commit.
        store(storableDelivery(verification), keptHeaders(headers)),
        deps.storeTimeoutMs ?? 4000,
      );
      logger.info(
        { deliveryId, topic, id: stored.id, duplicate: stored.duplicate },
        'webhook delivery stored',
      );
      count(stored.duplicate ? 'duplicate' : 'stored');
      sendJson(res, 200, stored.duplicate ? DUPLICATE : RECEIVED);
    } catch (error) {
      if (classifyStoreFailure(error) === 'invalid_payload') {
        logger.warn({ err: error, deliveryId, topic }, 'webhook delivery cannot be stored as sent');
        count('invalid');
        sendRouteError(res, ErrorCode.INVALID_REQUEST, invalidPayloadMessage(error));
        return;
      }
      logger.error({ err: error, deliveryId, topic }, 'webhook delivery not stored; the provider will retry');
      count('unavailable');
      res.setHeader('Retry-After', retryAfter);
      sendRouteError(
        res,
        ErrorCode.INTERNAL,
        'The delivery could not be stored now; deliver it again later.',
        {
          status: 503,
        },
      );
    }
  };

  // body-parser's raw reader (Express's own): the size limit, and a Content-Encoding it inflates or refuses.
  const readBody = express.raw({ type: () => true, limit: deps.maxBodyBytes ?? 1024 * 1024 });
  const refuseUnreadable = (error: unknown, res: ServerResponse) => {
    const { type, status } = error as { type?: unknown; status?: unknown };
    // body-parser marks what the sender got wrong with a 4xx status: a Content-Encoding the bytes do not
    // follow (gzip that is not gzip) has no `type`, only the status.
    const senderFault = typeof status === 'number' && status >= 400 && status < 500;
    if (type === 'entity.too.large') {
      count('invalid');
      sendRouteError(
        res,
        ErrorCode.INVALID_REQUEST,
        'The delivery’s body is larger than this endpoint accepts.',
      );
    } else if (
      (typeof type === 'string' && type.startsWith('encoding.')) ||
      type === 'request.aborted' ||
      senderFault
    ) {
      count('invalid');
      sendRouteError(res, ErrorCode.INVALID_REQUEST, 'The delivery’s body could not be read.');
    } else {
      logger.error({ err: error }, 'webhook delivery failed unexpectedly');
      count('unavailable');
      sendRouteError(res, ErrorCode.INTERNAL, 'Internal error; deliver it again later.');
    }
  };
  const readRawBody = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<{ ok: true; body: Buffer } | { ok: false; error: unknown }>((resolve) => {
      readBody(req as express.Request, res as express.Response, (error?: unknown) => {
        const { body } = req as IncomingMessage & { body?: unknown };
        resolve(
          error === undefined
            ? { ok: true, body: Buffer.isBuffer(body) ? body : Buffer.alloc(0) }
            : { ok: false, error },
        );
      });
    });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const read = await readRawBody(req, res);
    if (read.ok) await receive(req, read.body, res);
    else refuseUnreadable(read.error, res);
  };

  return async (req, res) => {
    if (req.method !== 'POST') {
      sendRouteError(res, ErrorCode.NOT_FOUND, 'This service has no such route.');
      return;
    }
    const tracing = deps.tracing;
    if (!tracing?.enabled) {
      await handle(req, res);
      return;
    }
    await tracing.inSpan(
      `POST ${route}`,
      {
        kind: SpanKind.SERVER,
        parent: contextFromTraceHeaders(req.headers),
        attributes: { 'http.request.method': 'POST', 'http.route': route },
      },
      async (span) => {
        await handle(req, res);
        span.setAttribute('http.response.status_code', res.statusCode);
      },
    );
  };
}

// The two answers to a stored delivery, serialised once.
const RECEIVED = JSON.stringify({ received: true, duplicate: false });
const DUPLICATE = JSON.stringify({ received: true, duplicate: true });

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // The work may still commit after the timeout; the sender's retry is then a recognised duplicate.
  work.catch(() => {});
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`storing the delivery took over ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
