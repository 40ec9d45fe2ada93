import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FaultQueue } from './fault-queue.ts';
import type { KeyRegistry } from './key-registry.ts';
import type { LlmProvider } from './provider.ts';
import type { ProviderProtocol } from './provider-protocol.ts';
import type { RequestLog } from './request-log.ts';
import { setStreamPlan } from './stream-plan.ts';

export interface GuardDependencies {
  keys: KeyRegistry;
  faults: FaultQueue;
  log: RequestLog;
  now: () => Date;
  /** Settings the control API can change while running. */
  settings: { streamChunkDelayMs: number };
}

/**
 * Runs before every provider route: logs the request, applies the next injected fault, then checks the
 * API key and its quota, answering in the provider's own words when any of them stops the request.
 */
export function providerGuard(
  provider: LlmProvider,
  protocol: ProviderProtocol,
  deps: GuardDependencies,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = protocol.apiKey(req);
    const body: unknown = req.body;
    res.on('close', () => {
      deps.log.add({
        at: deps.now().toISOString(),
        provider,
        method: req.method,
        path: req.path,
        status: res.headersSent ? res.statusCode : 0,
        keyLast4: key === undefined ? null : key.slice(-4),
        model: protocol.model(req),
        stream: isStreaming(req),
        body: body ?? null,
      });
    });
    const fault = deps.faults.take(provider);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      protocol.statusError(res, fault.status, fault.retryAfterSeconds ?? 1);
      return;
    }
    setStreamPlan(res, fault, deps.settings.streamChunkDelayMs);
    const status = key === undefined ? 'unknown' : deps.keys.status(provider, key);
    if (status === 'unknown') {
      protocol.authenticationError(res, key);
      return;
    }
    if (status === 'quota_exhausted') {
      protocol.quotaError(res);
      return;
    }
    next();
  };
}

function isStreaming(req: Request): boolean {
  const body: unknown = req.body;
  if (req.path.includes(':streamGenerateContent')) return true;
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}
