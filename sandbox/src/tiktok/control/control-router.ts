import express, { type Request, type Response, type Router } from 'express';
import type { TikTokFault } from '../core/fault-queue.ts';
import type { RateLimitedEndpoint } from '../core/rate-limiter.ts';
import { DEFAULT_RATE_LIMITS } from '../core/rate-limiter.ts';
import type { TikTokControl } from './tiktok-control.ts';

type Body = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function parseFault(body: Body): TikTokFault | string {
  const fault: TikTokFault = {};
  if (body['path'] !== undefined) {
    if (typeof body['path'] !== 'string') return 'path must be a string';
    fault.path = body['path'];
  }
  for (const field of ['status', 'latencyMs', 'times'] as const) {
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
 * `/_control` (JSON): `GET /users`, `POST /users {username, videoCount?}`, `POST /grants/revoke {openId}`,
 * `POST /tokens/expire {openId?, kind?}`, `POST|DELETE /faults`, `POST /publishes/fail {publishId?, reason?}`,
 * `POST /rate-limits {endpoint, limit}`, `POST /authorize {url, username?, decision?}` → `{redirectUrl}`,
 * `PUT /webhook {url}`, `GET /webhooks`, `GET|DELETE /requests`.
 */
export function controlRouter(control: TikTokControl): Router {
  const router = express.Router();
  router.use(express.json());
  const body = (req: Request): Body =>
    typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
  const bad = (res: Response, message: string): void => {
    res.status(400).json({ error: message });
  };
  router.get('/users', (_req, res) => {
    res.json({ users: control.users() });
  });
  router.post('/users', (req, res) => {
    const username = text(body(req)['username']);
    if (!username) return bad(res, 'expected {username, videoCount?}');
    const videoCount = body(req)['videoCount'];
    res
      .status(201)
      .json(control.addCreator(username, typeof videoCount === 'number' ? videoCount : undefined));
  });
  router.post('/grants/revoke', (req, res) => {
    const openId = text(body(req)['openId']);
    if (!openId) return bad(res, 'expected {openId}');
    res.json({ revoked: control.revokeGrant(openId) });
  });
  router.post('/tokens/expire', (req, res) => {
    const kind = body(req)['kind'];
    if (kind !== undefined && kind !== 'access' && kind !== 'refresh' && kind !== 'all')
      return bad(res, 'kind must be access, refresh or all');
    res.json({ expired: control.expireTokens({ openId: text(body(req)['openId']), kind }) });
  });
  router.post('/faults', (req, res) => {
    const fault = parseFault(body(req));
    if (typeof fault === 'string') return bad(res, fault);
    control.injectFault(fault);
    res.status(201).json({ queued: true });
  });
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });
  router.post('/publishes/fail', (req, res) => {
    const ok = control.failPublish(text(body(req)['publishId']), text(body(req)['reason']));
    if (!ok) {
      res.status(404).json({ error: 'publish unknown or already settled' });
      return;
    }
    res.json({ ok });
  });
  router.post('/rate-limits', (req, res) => {
    const { endpoint, limit } = body(req);
    if (typeof endpoint !== 'string' || !(endpoint in DEFAULT_RATE_LIMITS) || typeof limit !== 'number') {
      return bad(res, `expected {endpoint: ${Object.keys(DEFAULT_RATE_LIMITS).join('|')}, limit}`);
    }
    control.setRateLimit(endpoint as RateLimitedEndpoint, limit);
    res.json({ endpoint, limit });
  });
  router.post('/research-access', (req, res) => {
    const granted = body(req)['granted'];
    if (typeof granted !== 'boolean') return bad(res, 'expected {granted: boolean}');
    control.setResearchAccess(granted);
    res.json({ granted });
  });
  router.post('/authorize', (req, res) => {
    const url = text(body(req)['url']);
    if (!url) return bad(res, 'expected {url, username?, decision?: "approve"|"deny"}');
    try {
      const redirectUrl = control.authorize(url, {
        username: text(body(req)['username']),
        deny: body(req)['decision'] === 'deny',
      });
      res.json({ redirectUrl });
    } catch (error) {
      bad(res, error instanceof Error ? error.message : String(error));
    }
  });
  router.put('/webhook', (req, res) => {
    control.setWebhookUrl(text(body(req)['url']));
    res.status(204).end();
  });
  router.get('/requests', (_req, res) => {
    res.json({ requests: control.requests() });
  });
  router.delete('/requests', (_req, res) => {
    control.clearRequests();
    res.status(204).end();
  });
  router.get('/webhooks', (_req, res) => {
    res.json({ deliveries: control.webhookDeliveries() });
  });
  return router;
}
