import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from './envelope.ts';
import type { TikTokFaultQueue } from './fault-queue.ts';

/** Applies the next injected fault matching the request's path, before any other handling. */
export function faultMiddleware(faults: TikTokFaultQueue, now: () => Date): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const fault = faults.take(req.path);
    if (!fault) return next();
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.drop) {
      req.socket.destroy();
      return;
    }
    if (fault.status === undefined) return next();
    if (fault.status === 429) {
      return sendError(
        res,
        now(),
        'rate_limit_exceeded',
        'The API rate limit was exceeded. Please try again later.',
      );
    }
    sendError(res, now(), 'internal_error', 'An internal error occurred. Please retry later.', fault.status);
  };
}
