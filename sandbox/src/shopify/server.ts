import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AdminEffects } from './admin/admin-context.ts';
import { graphqlRoute } from './admin/graphql-route.ts';
import type { LeakyBucket } from './admin/leaky-bucket.ts';
import type { BulkRunner } from './bulk/bulk-runner.ts';
import { controlRoutes } from './control/control-routes.ts';
import type { FaultInjector } from './control/fault-injector.ts';
import type { RequestLog } from './control/request-log.ts';
import type { ShopifyControl } from './control/shopify-control.ts';
import { isShopDomain, type ShopRegistry } from './data/shop-registry.ts';
import { accessTokenRoute } from './oauth/access-token-route.ts';
import { authorizeRoutes } from './oauth/authorize-routes.ts';
import type { TokenRegistry } from './oauth/token-registry.ts';

export interface ServerParts {
  apiKey: string;
  apiSecret: string;
  appName: string;
  allowedRedirectUris: readonly string[] | undefined;
  throttledStatus: number;
  schema: GraphQLSchema;
  shops: ShopRegistry;
  tokens: TokenRegistry;
  bucketFor: (shop: string) => LeakyBucket;
  effects: AdminEffects;
  bulk: BulkRunner;
  control: ShopifyControl;
  faults: FaultInjector;
  requestLog: RequestLog;
  now: () => Date;
  baseUrl: () => string;
}

function placeholderSvg(name: string): string {
  const label = name.replace(/\.svg$/, '').replace(/-/g, ' ');
  let hue = 0;
  for (const char of label) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200" viewBox="0 0 1200 1200"><rect width="1200" height="1200" fill="hsl(${hue} 45% 78%)"/><text x="600" y="620" font-family="sans-serif" font-size="64" text-anchor="middle" fill="#333">${label.replace(/[<&>]/g, '')}</text></svg>`;
}

/** The HTTP surface: `/store/{shop}/admin/...` per shop, `/_control/...`, and files the simulator serves. */
export function createServer(parts: ServerParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(parts.requestLog.middleware());
  app.use('/_control', controlRoutes(parts.control));
  app.use(parts.faults.middleware());

  const store = express.Router({ mergeParams: true });
  store.use((req: Request<{ shop: string }>, res, next) => {
    if (!isShopDomain(req.params.shop)) return void res.status(404).json({ errors: 'Not Found' });
    next();
  });
  store.use(authorizeRoutes({ ...parts, tokens: parts.tokens }));
  const markInstalled = (shop: string): void => {
    parts.shops.get(shop).installed = true;
  };
  store.use(accessTokenRoute({ ...parts, markInstalled }));
  store.use(graphqlRoute({ ...parts }));
  app.use('/store/:shop', store);

  app.get('/cdn/shop/files/:name', (req, res) => {
    res.type('image/svg+xml').send(placeholderSvg(req.params.name));
  });
  app.get('/_bulk/:file', (req, res) => {
    const path = parts.bulk.filePath(req.params.file);
    if (!path) return void res.status(404).end();
    res.type('application/jsonl').sendFile(path, (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  });
  app.use((_req, res) => {
    res.status(404).json({ errors: 'Not Found' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    res
      .status(status >= 400 && status < 600 ? status : 500)
      .json({ errors: status === 400 ? 'Bad Request' : 'Internal Server Error' });
  });
  return app;
}
