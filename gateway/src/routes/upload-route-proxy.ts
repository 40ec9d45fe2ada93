import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode } from '@ionflux/kit/errors';
import { IDENTITY_HEADER, type IdentitySigner, REQUEST_ID_HEADER } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import { requestIdOf, sendRouteError } from '@ionflux/kit/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { JwtVerification } from '../auth/jwt-verifier.ts';
import type { Admission } from '../limits/workspace-limiter.ts';
import { readResponseBody } from './read-capped.ts';
import { inspectRequestTarget } from './request-target.ts';

type Refuse = (code: ErrorCode, message: string, extra?: { status?: number }) => void;

/** The one upload route: a file for a TikTok FILE_UPLOAD publish, stored by the TikTok subgraph. */
export const TIKTOK_UPLOAD_PATH = '/uploads/tiktok';

export interface UploadRouteProxyOptions {
  /** The TikTok subgraph's origin (fixed at start). */
  tiktokOrigin: string;
  verifyJwt(authorization: string): Promise<JwtVerification>;
  signer: IdentitySigner;
  /** The workspace's request rate and in-flight share, as for GraphQL. */
  admit(workspaceId: string): Admission;
  logger: Logger;
  /** `TIKTOK_UPLOAD_MAX_BYTES`: a larger declared `Content-Length` is 413 before a byte is read. */
  maxBytes: number;
  /** How long the whole upload may take end to end. @default 600000 (10 min) */
  timeoutMs?: number;
}

/**
 * `POST /uploads/tiktok` at the public origin: the caller's JWT is verified here (401 otherwise), the
 * workspace's rate applies (429), a declared `Content-Length` over `maxBytes` is 413 and one missing is
 * 411, before anything is read or forwarded. The body then streams (never buffered whole) to the TikTok
 * subgraph's fixed origin and exact path with the identity signed for it alone; the subgraph stores it
 * and answers `{uploadId, …}`, which is relayed. Any other path under `/uploads` is 404.
 */
export function createUploadRouteProxy(options: UploadRouteProxyOptions): RequestHandler {
  const timeoutMs = options.timeoutMs ?? 600_000;
  return (req: Request, res: Response, next: NextFunction) => {
    const target = req.originalUrl;
    const queryAt = target.indexOf('?');
    const path = (queryAt < 0 ? target : target.slice(0, queryAt)).toLowerCase();
    if (path !== '/uploads' && !path.startsWith('/uploads/')) {
      next();
      return;
    }
    const refuse: Refuse = (code, message, extra = {}) => {
      // The body is not read: the connection closes after the answer.
      sendRouteError(res, code, message, { ...extra, close: true });
      req.resume();
    };
    const verdict = inspectRequestTarget(target);
    if (!verdict.ok) {
      refuse('INVALID_REQUEST', verdict.message);
      return;
    }
    if (target !== TIKTOK_UPLOAD_PATH || req.method !== 'POST') {
      refuse('NOT_FOUND', 'There is no such upload route: POST /uploads/tiktok.');
      return;
    }
    upload(req, res, refuse).catch((error: unknown) => {
      options.logger.error({ err: error }, 'upload route failed');
      if (!res.headersSent) refuse('INTERNAL', 'Internal error.');
      else res.destroy();
    });
  };

  async function upload(req: IncomingMessage, res: ServerResponse, refuse: Refuse): Promise<void> {
    const authorization = req.headers.authorization;
    const verification = authorization ? await options.verifyJwt(authorization) : undefined;
    if (!verification?.ok) {
      refuse(
        'UNAUTHENTICATED',
        verification ? `Authentication failed: ${verification.reason}.` : 'Send Authorization: Bearer <jwt>.',
      );
      return;
    }
    const declaredHeader = req.headers['content-length'];
    const declared = Number(declaredHeader);
    if (declaredHeader === undefined || !Number.isSafeInteger(declared) || declared < 0) {
      refuse('INVALID_REQUEST', 'Send the file with a Content-Length (chunked bodies are not taken).', {
        status: 411,
      });
      return;
    }
    if (declared > options.maxBytes) {
      refuse(
        'INVALID_REQUEST',
        `The file is larger than ${options.maxBytes} bytes (TIKTOK_UPLOAD_MAX_BYTES).`,
        {
          status: 413,
        },
      );
      return;
    }
    const { caller } = verification;
    const admission = options.admit(caller.workspaceId);
    if (!admission.ok) {
      res.setHeader('retry-after', String(admission.retryAfterSeconds));
      refuse('RATE_LIMITED', admission.message, { status: 429 });
      return;
    }
    try {
      await forward(req, res, caller, declared);
    } finally {
      admission.release();
    }
  }

  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    caller: { userId: string; workspaceId: string },
    declared: number,
  ): Promise<void> {
    const upstream = new URL(TIKTOK_UPLOAD_PATH, options.tiktokOrigin);
    const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = {
      'content-length': String(declared),
      [IDENTITY_HEADER]: options.signer.sign(caller, 'tiktok'),
      [REQUEST_ID_HEADER]: requestIdOf(res),
    };
    const contentType = req.headers['content-type'];
    if (contentType) headers['content-type'] = contentType;
    const outgoing = send(upstream, { method: 'POST', headers, signal: AbortSignal.timeout(timeoutMs) });
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      outgoing.once('response', resolve);
      outgoing.once('error', reject);
    });
    // The owner may answer (and close) before the body is through, e.g. a refusal: its answer wins.
    const piped = pipeline(req, outgoing).catch(() => undefined);
    let answer: IncomingMessage;
    try {
      answer = await answered;
    } catch (error) {
      options.logger.warn({ err: error }, 'upload upstream failed');
      if (!res.headersSent) {
        sendRouteError(res, 'PROVIDER_UNAVAILABLE', 'The TikTok service did not take the upload.', {
          status: 502,
          close: true,
        });
      }
      req.resume();
      return;
    }
    const body = await readResponseBody(
      new ReadableStream({
        start(controller) {
          answer.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          answer.on('end', () => controller.close());
          answer.on('error', (error) => controller.error(error));
        },
      }),
      64 * 1024,
    );
    if (!body.ok) {
      sendRouteError(res, 'PROVIDER_UNAVAILABLE', 'The TikTok service answered the upload oddly.', {
        status: 502,
      });
      return;
    }
    res.statusCode = answer.statusCode ?? 502;
    for (const name of ['content-type', 'retry-after', 'cache-control'] as const) {
      const value = answer.headers[name];
      if (typeof value === 'string') res.setHeader(name, value);
    }
    if (answer.headers.connection === 'close') res.setHeader('connection', 'close');
    res.setHeader('content-length', body.bytes.length);
    res.end(body.bytes);
    await piped;
  }
}
