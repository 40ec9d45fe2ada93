import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JwtVerification } from '../auth/jwt-verifier.ts';
import type { createRateLimitMetrics } from './rate-limit-metrics.ts';
import { sendRateLimited } from './send-rate-limited.ts';
import type { Refusal, WorkspaceLimiter } from './workspace-limiter.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface LimitGraphQLDeps {
  /** The gateway's verifier; it remembers verified tokens, so the context's own check is a cache hit. */
  verifyJwt(authorization: string): Promise<JwtVerification>;
  limiter: WorkspaceLimiter;
  metrics: ReturnType<typeof createRateLimitMetrics>;
  /**
   * About how long a refusal is held before it is sent (between half of it and all of it; 0: at once). A client that ignores Retry-After and
   * sends again the moment it is answered would otherwise keep the event loop busy with refusals, and
   * every other workspace's requests wait their turn behind them; held, each of its connections sends
   * at most one request per hold. @default 1000
   */
  holdMs: number;
  /** Refusals held at once; past it they are sent at once, so holding never grows without bound. @default 10_000 */
  maxHeld?: number;
}

/**
 * Puts the per-workspace limits in front of the GraphQL handler: a caller whose JWT verifies is admitted
 * (a token and an in-flight slot, given back when the response closes) or refused with 429 before its
 * body is read, parsed or planned. Requests without a valid token go on unchanged: the handler's context
 * answers them (401, or introspection only).
 */
export function limitGraphQLRequests(handle: NodeHandler, deps: LimitGraphQLDeps): NodeHandler {
  const maxHeld = deps.maxHeld ?? 10_000;
  let held = 0;

  const refuse = (res: ServerResponse, refusal: Refusal) => {
    if (deps.holdMs <= 0 || held >= maxHeld) {
      // The unread body is drained by Node, so the connection can serve the next request.
      sendRateLimited(res, refusal);
      return;
    }
    held += 1;
    const gone = () => {
      clearTimeout(timer);
      held -= 1;
    };
    const timer = setTimeout(
      () => {
        res.off('close', gone);
        held -= 1;
        sendRateLimited(res, refusal);
        // Drawn in [hold/2, hold): refusals held together are not all answered, and sent again, together.
      },
      deps.holdMs * (0.5 + Math.random() / 2),
    );
    res.once('close', gone);
  };

  return async (req, res) => {
    const authorization = req.headers.authorization;
    if (authorization) {
      const verification = await deps.verifyJwt(authorization);
      if (verification.ok) {
        const admission = deps.limiter.admitRequest(verification.caller.workspaceId);
        if (!admission.ok) {
          deps.metrics.refused(admission.limit, 'http');
          refuse(res, admission);
          return;
        }
        res.once('close', admission.release);
      }
    }
    await handle(req, res);
  };
}
