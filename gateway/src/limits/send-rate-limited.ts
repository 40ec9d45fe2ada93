import type { ServerResponse } from 'node:http';
import { ErrorCode } from '@ionflux/kit/errors';
import type { Refusal } from './workspace-limiter.ts';

/**
 * Answers a refused request at once: HTTP 429, `Retry-After`, and one error in GraphQL's shape with
 * `RATE_LIMITED`, `retryAfterSeconds` and which limit refused it. No GraphQL machinery runs, so a
 * workspace flooding the gateway costs it as little as possible per refusal.
 */
export function sendRateLimited(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify({
    errors: [
      {
        message: refusal.message,
        extensions: {
          code: ErrorCode.RATE_LIMITED,
          retryAfterSeconds: refusal.retryAfterSeconds,
          limit: refusal.limit,
        },
      },
    ],
  });
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(refusal.retryAfterSeconds),
  });
  res.end(body);
}
