import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { IDENTITY_HEADER, type IdentitySigner, REQUEST_ID_HEADER } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import { requestIdOf } from '@ionflux/kit/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Agent } from 'undici';
import type { JwtVerification } from '../auth/jwt-verifier.ts';
import type { createRateLimitMetrics } from '../limits/rate-limit-metrics.ts';
import type { WorkspaceLimiter } from '../limits/workspace-limiter.ts';
import {
  isLlmRoutePath,
  LLM_RESPONSE_HEADERS,
  LLM_ROUTES,
  type LlmRoute,
  shapeOfLlmPath,
} from './llm-routes.ts';
import { readRequestBody } from './read-capped.ts';
import { inspectRequestTarget } from './request-target.ts';
import { sendDoorError } from './send-door-error.ts';

export interface LlmRouteProxyOptions {
  /** Larger request bodies get 413 and nothing is forwarded. @default 1048576 (1 MiB) */
  maxRequestBytes?: number;
  /**
   * How long the LLM subgraph has to start its answer (a completion's retries and fallback included);
   * then 504. A started stream runs as long as it lasts, until the caller goes. @default 300000
   */
  headersTimeoutMs?: number;
}

export interface LlmRouteProxyDeps {
  /** The LLM subgraph's origin (scheme, host, port), fixed at start. */
  llmOrigin: string;
  verifyJwt(authorization: string): Promise<JwtVerification>;
  signer: IdentitySigner;
  /** The same per-workspace limits as `/graphql`: a door is no way around them. */
  limiter: WorkspaceLimiter;
  metrics: ReturnType<typeof createRateLimitMetrics>;
  logger: Logger;
}

export interface LlmRouteProxy {
  handler: RequestHandler;
  close(): Promise<void>;
}

/**
 * The LLM doors at the gateway's public origin: spec 1.3's `POST /llm/v1/completions` and the
 * OpenAI-compatible `/llm/openai/v1/{chat/completions,embeddings,models}`, forwarded by an allow-list of
 * exact paths to the same path of the LLM subgraph, which runs them through the orchestration of
 * `createCompletion`. The caller's JWT (`Authorization: Bearer`, which is what an OpenAI SDK's `apiKey`
 * becomes) is verified here and the identity forwarded signed, as for GraphQL; the caller's headers are
 * not forwarded. The workspace's rate and in-flight limits apply before the body is read (a stream holds
 * its slot until it ends); bodies are capped; a stream is relayed as it comes and cut upstream when the
 * caller goes. Any other path under `/llm`, or another method, is 404 without contacting anyone.
 */
export function createLlmRouteProxy(
  deps: LlmRouteProxyDeps,
  options: LlmRouteProxyOptions = {},
): LlmRouteProxy {
  const maxRequestBytes = options.maxRequestBytes ?? 1024 * 1024;
  const headersTimeoutMs = options.headersTimeoutMs ?? 300_000;
  // Streams are long-lived: the pool is the proxy's own, not the GraphQL fetcher's.
  const agent = new Agent({ headersTimeout: headersTimeoutMs, bodyTimeout: 0, connections: 256 });
  const origin = new URL(deps.llmOrigin).origin;
  // One signature per caller for 20 s, well inside its 60 s validity, as the GraphQL data sources do.
  const signed = new Map<string, { token: string; until: number }>();
  const signatureFor = (caller: { userId: string; workspaceId: string }) => {
    const key = `${caller.workspaceId}/${caller.userId}`;
    const now = Date.now();
    const cached = signed.get(key);
    if (cached && cached.until > now) return cached.token;
    // Bounded: past this many callers in 20 s, start over rather than grow.
    if (signed.size >= 10_000) signed.clear();
    const token = deps.signer.sign(caller, 'llm');
    signed.set(key, { token, until: now + 20_000 });
    return token;
  };

  const handler = (req: Request, res: Response, next: NextFunction) => {
    const target = req.originalUrl;
    const path = target.split('?')[0] ?? '';
    if (!isLlmRoutePath(path)) {
      next();
      return;
    }
    const shape = shapeOfLlmPath(path);
    // The server-level guard already ran; checked again so this handler is safe wherever it is mounted.
    const verdict = inspectRequestTarget(target);
    if (!verdict.ok) {
      sendDoorError(res, shape, 'INVALID_REQUEST', verdict.message, { close: true });
      return;
    }
    const route = LLM_ROUTES.get(path);
    if (!route || route.method !== req.method) {
      sendDoorError(res, shape, 'NOT_FOUND', 'There is no such LLM route.');
      return;
    }
    forward(route, req, res).catch((error: unknown) => {
      deps.logger.error({ err: error, route: route.path }, 'LLM route failed');
      if (!res.headersSent) sendDoorError(res, route.shape, 'INTERNAL', 'Internal error.');
      else res.destroy();
    });
  };

  async function forward(route: LlmRoute, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const authorization = req.headers.authorization;
    const verification = authorization
      ? await deps.verifyJwt(authorization)
      : { ok: false as const, reason: 'no Authorization header' };
    if (!verification.ok) {
      sendDoorError(
        res,
        route.shape,
        'UNAUTHENTICATED',
        `Authentication failed: ${verification.reason}. Send the caller's IONFLUX JWT as "Authorization: Bearer <token>" (the OpenAI SDKs' apiKey).`,
      );
      return;
    }
    const { caller } = verification;
    const admission = deps.limiter.admitRequest(caller.workspaceId);
    if (!admission.ok) {
      deps.metrics.refused(admission.limit, 'http');
      sendDoorError(res, route.shape, 'RATE_LIMITED', admission.message, {
        retryAfterSeconds: admission.retryAfterSeconds,
      });
      return;
    }
    res.once('close', admission.release);
    let body: Buffer | undefined;
    if (route.method === 'POST') {
      const read = await readRequestBody(req, maxRequestBytes);
      if (!read.ok) {
        if (read.reason === 'too_large') {
          sendDoorError(
            res,
            route.shape,
            'INVALID_REQUEST',
            `The body is larger than ${maxRequestBytes} bytes.`,
            {
              status: 413,
              close: true,
            },
          );
        }
        return;
      }
      body = read.bytes;
    }
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new Error('the caller went away'));
    });
    const headers: Record<string, string> = {
      [IDENTITY_HEADER]: signatureFor(caller),
      [REQUEST_ID_HEADER]: requestIdOf(res),
      accept: req.headers.accept ?? '*/*',
    };
    const contentType = req.headers['content-type'];
    if (contentType !== undefined) headers['content-type'] = contentType;
    let answer: Awaited<ReturnType<Agent['request']>>;
    try {
      answer = await agent.request({
        origin,
        path: route.path,
        method: route.method,
        headers,
        body: body ?? null,
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      const timedOut = (error as { code?: string } | null)?.code === 'UND_ERR_HEADERS_TIMEOUT';
      deps.logger.warn({ err: error, route: route.path, timedOut }, 'LLM route upstream failed');
      sendDoorError(
        res,
        route.shape,
        'PROVIDER_UNAVAILABLE',
        timedOut ? 'The LLM service did not answer in time.' : 'The LLM service is not available.',
        { status: timedOut ? 504 : 503 },
      );
      return;
    }
    res.statusCode = answer.statusCode;
    for (const name of LLM_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    const length = answer.headers['content-length'];
    if (typeof length === 'string') res.setHeader('content-length', length);
    // An event stream goes out as it comes; the caller's leaving aborts the upstream request.
    res.flushHeaders();
    await pipeline(answer.body, res).catch((error: unknown) => {
      if (!controller.signal.aborted)
        deps.logger.warn({ err: error, route: route.path }, 'LLM route answer broke off');
    });
  }

  return { handler, close: () => agent.close() };
}
