import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import { sendGraphQLError } from '@ionflux/kit/server';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { sendRateLimited } from '../limits/send-rate-limited.ts';
import type { CallerAuthentication, SubscriptionAdmit } from './authenticate-caller.ts';
import { formatResult } from './format-result.ts';
import { readSseRequest } from './read-sse-request.ts';
import { requestIdOf } from './request-id-of.ts';
import type { SubscriptionEngine } from './subscription-engine.ts';
import { SubscriptionEndReason, subscriptionEndError } from './subscription-error.ts';

export interface SseHandlerOptions {
  engine: SubscriptionEngine;
  authenticate(authorization: string | undefined, requestId: string): Promise<CallerAuthentication>;
  admit: SubscriptionAdmit;
  logger: Logger;
  /** Comment lines sent to keep proxies from closing an idle stream. @default 12000 */
  keepAliveMs?: number;
}

type Next = (error?: unknown) => void;

/**
 * GraphQL over SSE (the graphql-sse protocol, distinct connections mode) on the gateway's `/graphql`:
 * a GET or POST that accepts `text/event-stream` subscribes; anything else goes on to Apollo Server.
 * Written here rather than with graphql-sse's handler because that one buffers every result in memory
 * without waiting for the socket; this one reads the next result only once the last was flushed, so
 * the per-subscription queue bound holds for SSE clients too.
 */
export function createSseHandler(options: SseHandlerOptions) {
  const log = options.logger.child({ component: 'subscriptions', transport: 'sse' });
  const keepAliveMs = options.keepAliveMs ?? 12_000;

  return async (req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> => {
    if (!req.headers.accept?.includes('text/event-stream')) return next();
    if (req.method !== 'GET' && req.method !== 'POST') return next();
    try {
      const requestId = requestIdOf(req);
      const auth = await options.authenticate(req.headers.authorization, requestId);
      if (!auth.ok) {
        const code = auth.status === 403 ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
        return sendGraphQLError(res, auth.status, code, auth.reason);
      }
      const admission = options.admit(auth.identity, 'sse');
      if (!admission.ok) return sendRateLimited(res, admission);
      const request = await readSseRequest(req);
      if (!request) {
        return sendGraphQLError(
          res,
          400,
          ErrorCode.INVALID_REQUEST,
          'Send {query, variables, operationName} as JSON.',
        );
      }

      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(':\n\n');
      const opened = options.engine.open(request, auth.identity);
      if (!('results' in opened)) {
        res.write(event('next', formatResult({ errors: opened }, log, requestId)));
        res.end(event('complete'));
        return;
      }
      const results = opened.results;
      let expiry: NodeJS.Timeout | undefined;
      if (auth.expiresAt !== undefined) {
        expiry = setTimeout(
          () =>
            opened.end(
              subscriptionEndError(
                SubscriptionEndReason.TOKEN_EXPIRED,
                'The token has expired; subscribe again with a new one.',
              ),
            ),
          Math.max(0, Math.min(auth.expiresAt - Date.now(), 2_147_483_647)),
        );
      }
      const pinger = setInterval(() => res.write(':\n\n'), keepAliveMs);
      const onClose = () => void results.return(undefined);
      res.once('close', onClose);
      try {
        for await (const result of results) {
          if (!(await write(res, event('next', formatResult(result as ExecutionResult, log, requestId)))))
            break;
        }
        if (res.writable) res.end(event('complete'));
      } finally {
        clearInterval(pinger);
        if (expiry) clearTimeout(expiry);
        res.off('close', onClose);
        await results.return(undefined);
      }
    } catch (error) {
      log.error({ err: error }, 'SSE subscription failed');
      if (!res.headersSent) next(error);
      else res.destroy();
    }
  };
}

function event(name: 'next' | 'complete', data?: FormattedExecutionResult): string {
  return `event: ${name}\ndata:${data ? ` ${JSON.stringify(data)}` : ''}\n\n`;
}

/** Writes and waits while the socket is full; false once the client has gone. */
async function write(res: ServerResponse, chunk: string): Promise<boolean> {
  if (!res.writable) return false;
  if (res.write(chunk)) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onGone);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onGone = () => done(false);
    res.once('drain', onDrain);
    res.once('close', onGone);
  });
}
