import type { Logger } from '@ionflux/kit/logging';
import { beginBrowserAuthorization } from '@ionflux/kit/oauth';
import type { Request, Response } from 'express';
import { sendOAuthRefusal } from './browser-responses.ts';
import type { ShopifyOAuth } from './shopify-oauth.ts';

/**
 * `GET /oauth/shopify/start?state=…` (the link `startShopifyConnection` returns) or `?ticket=…` (a
 * `SCOPE_REQUIRED` grant URL): binds this browser to the flow with a signed cookie (kit
 * `beginBrowserAuthorization`), then 302 to the store's consent page. A link opens once; a refusal is
 * a 4xx with a code and sets nothing.
 */
export async function handleShopifyStart(
  oauth: ShopifyOAuth,
  logger: Logger,
  req: Request,
  res: Response,
): Promise<void> {
  const params = new URL(req.originalUrl, 'http://start.invalid').searchParams;
  const result = await beginBrowserAuthorization(oauth.deps, {
    key: oauth.signingKey,
    query: { state: params.get('state') ?? undefined, ticket: params.get('ticket') ?? undefined },
    cookie: oauth.cookie,
    redirectUri: oauth.redirectUri,
    startUrl: oauth.startUrl,
    returnUrl: oauth.returnUrl,
  });
  if (!result.ok) {
    logger.warn({ reason: result.reason }, 'shopify oauth start refused');
    sendOAuthRefusal(req, res, result.code, result.message);
    return;
  }
  res.setHeader('set-cookie', result.setCookie);
  res.setHeader('cache-control', 'no-store');
  // The consent page must not learn this link (its state) from a Referer.
  res.setHeader('referrer-policy', 'no-referrer');
  res.redirect(302, result.authorizationUrl);
}
