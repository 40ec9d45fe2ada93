import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type postgres from 'postgres';
import { Registry } from 'prom-client';
import { type ErrorCode, httpStatusOf } from '../errors/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { Logger } from '../logging/index.ts';
import { contextFromTraceHeaders, SpanKind, type Tracing } from '../tracing/index.ts';
import type { StoreDelivery } from './create-delivery-batcher.ts';
import { keptHeaders } from './kept-headers.ts';
import { classifyStoreFailure, invalidPayloadMessage } from './store-failure.ts';
import { storableDelivery, storeWebhookDelivery } from './store-webhook-delivery.ts';
import { createWebhookMetrics, type WebhookReceipt } from './webhook-metrics.ts';
import type { WebhookSource } from './webhook-source.ts';

export interface WebhookRouterDeps {
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
 * `POST /` for one provider's webhooks. The signature is checked on the raw bytes before anything is
 * parsed or stored: a bad one gets 401 and leaves no trace. An authentic delivery is stored and its
 * processing job enqueued in one transaction, and 200 is sent only after that commit; a delivery
 * seen before gets 200 again with nothing new enqueued. When the database cannot take it, 503 with
 * `Retry-After`, so the provider delivers it again later.
 */
export function createWebhookRouter(deps: WebhookRouterDeps): Router {
  const { source } = deps;
  const logger = deps.logger.child({ component: 'webhooks', provider: source.provider });
  const retryAfter = String(deps.retryAfterSeconds ?? 10);
  const store: StoreDelivery =
    deps.store ?? ((delivery, headers) => storeWebhookDelivery({ ...deps, delivery, headers }));
  const router = express.Router();
  const metrics = createWebhookMetrics(deps.registry ?? new Registry());
  const count = (outcome: WebhookReceipt) => metrics.received(source.provider, outcome);

  const receive = async (req: Request, res: Response) => {
    const rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = flattenHeaders(req.headers);
    const verification = await source.verify(rawBody, headers);
    if (!verification.ok) {
      const code = verification.code ?? 'UNAUTHENTICATED';
      logger.warn({ reason: verification.reason, code, ip: req.ip }, 'webhook delivery refused');
      count('refused');
      sendError(res, code, verification.reason);
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
      res.status(200).json({ received: true, duplicate: stored.duplicate });
    } catch (error) {
      if (classifyStoreFailure(error) === 'invalid_payload') {
        logger.warn({ err: error, deliveryId, topic }, 'webhook delivery cannot be stored as sent');
        count('invalid');
        sendError(res, 'INVALID_REQUEST', invalidPayloadMessage(error));
        return;
      }
      logger.error({ err: error, deliveryId, topic }, 'webhook delivery not stored; the provider will retry');
      count('unavailable');
      res.setHeader('Retry-After', retryAfter);
      res.status(503).json({
        error: { code: 'INTERNAL', message: 'The delivery could not be stored now; deliver it again later.' },
      });
    }
  };

  router.post(
    '/',
    express.raw({ type: () => true, limit: deps.maxBodyBytes ?? 1024 * 1024 }),
    (req, res, next) => {
      const tracing = deps.tracing;
      const received = tracing?.enabled
        ? tracing.inSpan(
            `POST /webhooks/${source.provider}`,
            {
              kind: SpanKind.SERVER,
              parent: contextFromTraceHeaders(req.headers),
              attributes: { 'http.request.method': 'POST', 'http.route': `/webhooks/${source.provider}` },
            },
            async (span) => {
              await receive(req, res);
              span.setAttribute('http.response.status_code', res.statusCode);
            },
          )
        : receive(req, res);
      received.catch(next);
    },
  );
  const onError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = error as { type?: unknown; status?: unknown };
    // body-parser marks what the sender got wrong with a 4xx status: a Content-Encoding the bytes do not
    // follow (gzip that is not gzip) has no `type`, only the status.
    const senderFault = typeof status === 'number' && status >= 400 && status < 500;
    if (type === 'entity.too.large') {
      count('invalid');
      sendError(res, 'INVALID_REQUEST', 'The delivery’s body is larger than this endpoint accepts.');
    } else if (
      (typeof type === 'string' && type.startsWith('encoding.')) ||
      type === 'request.aborted' ||
      senderFault
    ) {
      count('invalid');
      sendError(res, 'INVALID_REQUEST', 'The delivery’s body could not be read.');
    } else {
      logger.error({ err: error }, 'webhook delivery failed unexpectedly');
      count('unavailable');
      sendError(res, 'INTERNAL', 'Internal error; deliver it again later.');
    }
  };
  router.use(onError);
  return router;
}

function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatusOf(code)).json({ error: { code, message } });
}

function flattenHeaders(headers: Request['headers']): Record<string, string | undefined> {
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
