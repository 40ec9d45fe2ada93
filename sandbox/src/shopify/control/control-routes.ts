import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ComplianceTopic } from './control-types.ts';
import type { FaultRule } from './fault-injector.ts';
import { ControlError } from './shop-actions.ts';
import type { ShopifyControl } from './shopify-control.ts';

type Body = Record<string, unknown>;
const body = (req: Request): Body =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};

const COMPLIANCE: readonly string[] = ['customers/data_request', 'customers/redact', 'shop/redact'];

/** `/_control/*`: JSON routes over the same methods the typed simulator object exposes. */
export function controlRoutes(control: ShopifyControl): Router {
  const router = express.Router();
  router.use(express.json());
  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  router.post('/shops/:shop/tokens', (req: Request<{ shop: string }>, res) => {
    const raw = body(req)['scopes'];
    const scopes = Array.isArray(raw)
      ? raw.map(String)
      : String(raw ?? '')
          .split(',')
          .filter(Boolean);
    res
      .status(201)
      .json(control.issueAccessToken(req.params.shop, scopes, { expiring: body(req)['expiring'] === true }));
  });
  router.post('/shops/:shop/orders', (req: Request<{ shop: string }>, res) => {
    res.status(201).json({ order: control.createOrder(req.params.shop, body(req)) });
  });
  router.post('/shops/:shop/orders/:id/cancel', (req: Request<{ shop: string; id: string }>, res) => {
    const reason = body(req)['reason'] as Parameters<ShopifyControl['cancelOrder']>[2];
    res.json({ order: control.cancelOrder(req.params.shop, req.params.id, reason) });
  });
  router.post('/shops/:shop/orders/:id/refund', (req: Request<{ shop: string; id: string }>, res) => {
    const { amount, note } = body(req);
    res.json({
      order: control.refundOrder(
        req.params.shop,
        req.params.id,
        amount as string | undefined,
        note as string | undefined,
      ),
    });
  });
  router.post('/shops/:shop/orders/:id/fulfill', (req: Request<{ shop: string; id: string }>, res) => {
    res.json({ order: control.fulfillOrder(req.params.shop, req.params.id) });
  });
  router.patch('/shops/:shop', (req: Request<{ shop: string }>, res) => {
    const { name, ianaTimezone } = body(req);
    res.json({
      shop: control.updateShop(req.params.shop, {
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof ianaTimezone === 'string' ? { ianaTimezone } : {}),
      }),
    });
  });
  router.post('/bulk-faults', (req, res) => {
    const { count, errorCode } = body(req);
    const code = errorCode ?? 'INTERNAL_SERVER_ERROR';
    if (!['ACCESS_DENIED', 'INTERNAL_SERVER_ERROR', 'TIMEOUT'].includes(String(code)))
      throw new ControlError(400, 'errorCode must be ACCESS_DENIED, INTERNAL_SERVER_ERROR or TIMEOUT');
    control.failNextBulkOperations(Number(count ?? 1), code as 'TIMEOUT');
    res.status(204).end();
  });
  router.post('/shops/:shop/products', (req: Request<{ shop: string }>, res) => {
    const input = body(req);
    if (typeof input['title'] !== 'string') throw new ControlError(400, 'title is required');
    res.status(201).json({
      product: control.createProduct(
        req.params.shop,
        input as unknown as Parameters<ShopifyControl['createProduct']>[1],
      ),
    });
  });
  router.post('/shops/:shop/inventory', (req: Request<{ shop: string }>, res) => {
    res.json({ variant: control.changeInventory(req.params.shop, body(req)) });
  });
  router.post('/shops/:shop/uninstall', (req: Request<{ shop: string }>, res) => {
    res.json(control.uninstallApp(req.params.shop));
  });
  router.post('/shops/:shop/compliance', (req: Request<{ shop: string }>, res) => {
    const { topic, url, customerId } = body(req);
    if (typeof topic !== 'string' || !COMPLIANCE.includes(topic))
      throw new ControlError(400, `topic must be one of ${COMPLIANCE.join(', ')}`);
    const input = {
      ...(typeof url === 'string' ? { url } : {}),
      ...(customerId !== undefined ? { customerId: customerId as string } : {}),
    };
    res.json({ deliveries: control.sendComplianceWebhook(req.params.shop, topic as ComplianceTopic, input) });
  });
  router.get('/shops/:shop/throttle', (req: Request<{ shop: string }>, res) => {
    res.json(control.throttleStatus(req.params.shop));
  });
  router.put('/shops/:shop/throttle', (req: Request<{ shop: string }>, res) => {
    res.json(control.setThrottle(req.params.shop, Number(body(req)['currentlyAvailable'] ?? 0)));
  });
  router.get('/faults', (_req, res) => {
    res.json({ faults: control.faults() });
  });
  router.post('/faults', (req, res) => {
    res.status(201).json({ fault: control.addFault(body(req) as unknown as FaultRule) });
  });
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });
  router.get('/requests', (req, res) => {
    res.json({ requests: control.requests(Number(req.query['since'] ?? 0)) });
  });
  router.delete('/requests', (_req, res) => {
    control.clearRequests();
    res.status(204).end();
  });
  router.get('/webhooks/deliveries', (req, res) => {
    const filter = {
      ...(typeof req.query['topic'] === 'string' ? { topic: req.query['topic'] } : {}),
      ...(typeof req.query['shop'] === 'string' ? { shop: req.query['shop'] } : {}),
    };
    res.json({ deliveries: control.deliveries(filter) });
  });
  router.post('/webhooks/deliveries/:webhookId/duplicate', (req: Request<{ webhookId: string }>, res) => {
    res.status(201).json({ delivery: control.duplicateDelivery(req.params.webhookId) });
  });
  router.post('/webhooks/duplicate-next', (req, res) => {
    control.duplicateNextDeliveries(Number(body(req)['count'] ?? 1));
    res.status(204).end();
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof ControlError) return void res.status(error.status).json({ error: error.message });
    next(error);
  });
  return router;
}
