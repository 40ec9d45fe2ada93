import type { Database } from '@ionflux/kit/db';
import type { Logger } from '@ionflux/kit/logging';
import {
  type AuthorizationFailure,
  beginBrowserAuthorization,
  bindingCookieName,
  completeAuthorization,
  serializeCookie,
} from '@ionflux/kit/oauth';
import type { Express, Request, Response } from 'express';
import { tiktokProvider } from '../registration.ts';
import { callbackPage, returnRedirect, sendOAuthRefusal } from './browser-responses.ts';
import { syncTikTokAccount } from './sync-tiktok-account.ts';
import type { TikTokOAuth } from './tiktok-oauth.ts';

// Refused before the state is consumed: the flow stays usable by the browser that started it.
const refusedBeforeConsuming = new Set<AuthorizationFailure>([
  'state_unknown',
  'state_used',
  'browser_mismatch',
]);

/** `GET /oauth/tiktok/start?state=…|ticket=…`: binds this browser (signed cookie), 302 to TikTok's consent. */
async function handleStart(oauth: TikTokOAuth, logger: Logger, req: Request, res: Response) {
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
    logger.warn({ reason: result.reason }, 'tiktok oauth start refused');
    sendOAuthRefusal(req, res, result.code, result.message);
    return;
  }
  res.setHeader('set-cookie', result.setCookie);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  res.redirect(302, result.authorizationUrl);
}

/**
 * `GET /oauth/tiktok/callback`: the kit checks the binding cookie (else 403, nothing consumed), consumes
 * the state, exchanges the code with the PKCE verifier and stores the sealed tokens; then the account
 * mirror is filled from `/v2/user/info/`. TikTok signs no callback: the single-use state bound to this
 * browser is the proof.
 */
async function handleCallback(
  oauth: TikTokOAuth,
  handles: { db: Database; logger: Logger; apiOrigin: string },
  req: Request,
  res: Response,
) {
  const params = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
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
  res.setHeader(
    'set-cookie',
    serializeCookie(bindingCookieName(tiktokProvider.id, query['state'] ?? ''), '', {
      ...oauth.cookie,
      maxAgeSeconds: 0,
    }),
  );
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  const returnUrl = result.returnUrl ?? oauth.returnUrl;
  if (result.ok) {
    const { connection } = result;
    await syncTikTokAccount(oauth.deps, handles.db, handles.apiOrigin, connection).catch((error: unknown) => {
      handles.logger.warn(
        { connectionId: connection.id, err: (error as Error).message },
        'tiktok account mirror not filled',
      );
    });
    if (returnUrl) {
      res.redirect(303, returnRedirect(returnUrl, { tiktok: 'connected', connection_id: connection.id }));
      return;
    }
    const name = connection.display_name ?? 'The TikTok account';
    res
      .status(200)
      .type('html')
      .send(callbackPage('TikTok account connected', `${name} is connected to IONFLUX.`));
    return;
  }
  if (returnUrl) {
    res.redirect(
      303,
      returnRedirect(returnUrl, { tiktok: 'error', reason: result.reason, code: result.code }),
    );
    return;
  }
  sendOAuthRefusal(req, res, result.code, result.message);
}

/** Mounts `GET /oauth/tiktok/start` and `GET /oauth/tiktok/callback` (the gateway proxies them). */
export function mountOAuthRoutes(
  app: Express,
  oauth: TikTokOAuth,
  handles: { db: Database; logger: Logger; apiOrigin: string },
): void {
  app.get('/oauth/tiktok/start', (req, res, next) => {
    handleStart(oauth, handles.logger, req, res).catch(next);
  });
  app.get('/oauth/tiktok/callback', (req, res, next) => {
    handleCallback(oauth, handles, req, res).catch(next);
  });
}
