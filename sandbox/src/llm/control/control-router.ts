import express, { type Request, type Response, type Router } from 'express';
import type { FaultQueue, LlmFault } from '../core/fault-queue.ts';
import type { KeyRegistry } from '../core/key-registry.ts';
import { isLlmProvider } from '../core/provider.ts';
import { asRecord, asString } from '../core/request-body.ts';
import type { RequestLog } from '../core/request-log.ts';

export interface ControlDependencies {
  keys: KeyRegistry;
  faults: FaultQueue;
  log: RequestLog;
  settings: { streamChunkDelayMs: number };
}

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: message });
}

/** Reads an injected fault from a control request body, or explains what is wrong with it. */
export function parseFault(value: unknown): LlmFault | string {
  const body = asRecord(value);
  if (!body) return 'expected a JSON object';
  const fault: LlmFault = {};
  if (body['provider'] !== undefined) {
    if (!isLlmProvider(body['provider'])) return 'provider must be openai, anthropic or gemini';
    fault.provider = body['provider'];
  }
  for (const field of [
    'status',
    'latencyMs',
    'truncateStreamAfter',
    'streamErrorAfter',
    'retryAfterSeconds',
    'times',
  ] as const) {
    const raw = body[field];
    if (raw === undefined) continue;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
      return `${field} must be a non-negative integer`;
    fault[field] = raw;
  }
  if (body['drop'] !== undefined) fault.drop = body['drop'] === true;
  return fault;
}

/**
 * `/_control` (JSON): `POST /faults`, `GET /faults`, `DELETE /faults`; `POST /keys` `{provider, key,
 * quotaExhausted?}`, `DELETE /keys` `{provider, key}`; `GET /requests`, `DELETE /requests`;
 * `PUT /settings` `{streamChunkDelayMs}`.
 */
export function controlRouter(deps: ControlDependencies): Router {
  const router = express.Router();
  router.use(express.json());
  router.post('/faults', (req: Request, res: Response) => {
    const fault = parseFault(req.body);
    if (typeof fault === 'string') return badRequest(res, fault);
    deps.faults.inject(fault);
    res.status(201).json({ faults: deps.faults.pending() });
  });
  router.get('/faults', (_req, res) => {
    res.json({ faults: deps.faults.pending() });
  });
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });
  router.post('/keys', (req: Request, res: Response) => {
    const body = asRecord(req.body);
    const key = asString(body?.['key']);
    if (!isLlmProvider(body?.['provider']) || !key)
      return badRequest(res, 'expected {provider, key, quotaExhausted?}');
    deps.keys.add(body['provider'], key, body['quotaExhausted'] === true ? 'quota_exhausted' : 'valid');
    res.status(201).json({ provider: body['provider'], status: deps.keys.status(body['provider'], key) });
  });
  router.delete('/keys', (req: Request, res: Response) => {
    const body = asRecord(req.body);
    const key = asString(body?.['key']);
    if (!isLlmProvider(body?.['provider']) || !key) return badRequest(res, 'expected {provider, key}');
    deps.keys.remove(body['provider'], key);
    res.status(204).end();
  });
  router.put('/settings', (req: Request, res: Response) => {
    const delay = asRecord(req.body)?.['streamChunkDelayMs'];
    if (typeof delay !== 'number' || delay < 0)
      return badRequest(res, 'expected {streamChunkDelayMs: number >= 0}');
    deps.settings.streamChunkDelayMs = delay;
    res.json(deps.settings);
  });
  router.get('/requests', (_req, res) => {
    res.json({ requests: deps.log.list() });
  });
  router.delete('/requests', (_req, res) => {
    deps.log.clear();
    res.status(204).end();
  });
  return router;
}
