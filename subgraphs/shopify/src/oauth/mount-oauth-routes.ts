import type { Logger } from '@ionflux/kit/logging';
import type { Express } from 'express';
import { handleShopifyCallback, type OnShopifyConnected } from './handle-shopify-callback.ts';
import { handleShopifyStart } from './handle-shopify-start.ts';
import type { ShopifyOAuth } from './shopify-oauth.ts';

/** Mounts `GET /oauth/shopify/start` and `GET /oauth/shopify/callback` (the gateway proxies them). */
export function mountOAuthRoutes(
  app: Express,
  oauth: ShopifyOAuth,
  logger: Logger,
  onConnected: OnShopifyConnected,
): void {
  app.get('/oauth/shopify/start', (req, res, next) => {
    handleShopifyStart(oauth, logger, req, res).catch(next);
  });
  app.get('/oauth/shopify/callback', (req, res, next) => {
    handleShopifyCallback(oauth, logger, req, res, onConnected).catch(next);
  });
}
