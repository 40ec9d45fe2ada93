import type { Logger } from '@ionflux/kit/logging';
import {
  type AuthorizationFailure,
  bindingCookieName,
  completeAuthorization,
  serializeCookie,
} from '@ionflux/kit/oauth';
import type { Request, Response } from 'express';
import { shopifyProvider } from '../registration.ts';
import { callbackPage, returnRedirect, sendOAuthRefusal } from './browser-responses.ts';
import type { ShopifyOAuth } from './shopify-oauth.ts';
import { verifyCallbackHmac } from './verify-callback-hmac.ts';

/**
 * What runs once a store is connected (or reconnected): schedules its webhook subscriptions and its
 * sync. A failure is logged; the browser still lands on the connected page.
 */
export type OnShopifyConnected = (connection: { id: string; shop: string }) => Promise<void>;

/**
 * How far Shopify's `timestamp` may be from now. The state already expires after 10 minutes; this
 * bounds a signed query replayed with a fresh state. @default 600 s
 */
export const CALLBACK_MAX_AGE_SECONDS = 600;

// Refused before the state is consumed: the browser is told here, never sent to the return URL, and the
// flow stays usable by the browser that started it.
const refusedBeforeConsuming = new Set<AuthorizationFailure>([
  'state_unknown',
  'state_used',
  'browser_mismatch',
]);

/**
 * `GET /oauth/shopify/callback`: the query's HMAC and timestamp are checked before anything is read or
 * stored (a forged or stale callback gets 400 and leaves no trace), then the kit checks that this
 * browser carries the binding cookie the start route set (else 403 `FORBIDDEN`, nothing consumed,
 * stored or exchanged), consumes the state, exchanges the code and stores the connection. The browser is
 * sent to the return URL with the outcome, or shown a short page; refusals are 4xx with a code (JSON
 * when Accept prefers it).
 */
export async function handleShopifyCallback(
  oauth: ShopifyOAuth,
  logger: Logger,
  req: Request,
  res: Response,
  onConnected: OnShopifyConnected,
  now: () => Date = () => new Date(),
): Promise<void> {
  const params = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
  const refuse = (reason: string) => {
    logger.warn({ reason }, 'shopify oauth callback refused');
    sendOAuthRefusal(req, res, 'INVALID_REQUEST', reason);
  };
  if (!verifyCallbackHmac(params, oauth.apiSecret)) {
    refuse('The callback is not signed by Shopify. Start connecting again.');
    return;
  }
  const timestamp = Number(params.get('timestamp'));
  if (
    !Number.isFinite(timestamp) ||
    Math.abs(now().getTime() / 1000 - timestamp) > CALLBACK_MAX_AGE_SECONDS
  ) {
    refuse('The callback is too old. Start connecting again.');
    return;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of params) query[key] = value;
  const result = await completeAuthorization(oauth.deps, query, {
    key: oauth.signingKey,
    cookieHeader: req.headers.cookie,
  });
  if (!result.ok && refusedBeforeConsuming.has(result.reason)) {
    sendOAuthRefusal(req, res, result.code, result.message);
    return;
  }
  // The flow is over either way: its binding cookie goes.
  const state = query['state'] ?? '';
  res.setHeader(
    'set-cookie',
    serializeCookie(bindingCookieName(shopifyProvider.id, state), '', { ...oauth.cookie, maxAgeSeconds: 0 }),
  );
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  const returnUrl = result.returnUrl ?? oauth.returnUrl;
  if (result.ok) {
    const { connection } = result;
    // Durable (jobs), so the browser does not wait for Shopify; a failure to schedule is logged and the
    // periodic reconcilers catch up (the connection stands either way).
    await onConnected({ id: connection.id, shop: connection.account_id }).catch((error: unknown) =>
      logger.error({ err: error, connectionId: connection.id }, 'shopify connection setup not scheduled'),
    );
    if (returnUrl) {
      res.redirect(
        303,
        returnRedirect(returnUrl, { shopify: 'connected', connection_id: result.connection.id }),
      );
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        callbackPage('Shopify store connected', `${result.connection.account_id} is connected to IONFLUX.`),
      );
    return;
  }
  if (returnUrl) {
    res.redirect(
      303,
      returnRedirect(returnUrl, { shopify: 'error', reason: result.reason, code: result.code }),
    );
    return;
  }
  sendOAuthRefusal(req, res, result.code, result.message);
}
