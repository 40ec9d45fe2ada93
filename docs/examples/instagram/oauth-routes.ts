import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import {
  beginBrowserAuthorization,
  bindingCookieName,
  completeAuthorization,
  serializeCookie,
} from '@ionflux/kit/oauth';
import type { Express, Response } from 'express';
import type { InstagramOAuth } from './instagram-oauth.ts';
import { instagramProvider } from './registration.ts';

/** A refusal with the code's status and `{error: {code, message}}`; never cached, no Referer onwards. */
function refuse(res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatusOf(code)).set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.json({ error: { code, message } });
}

/** The query of a request as single strings (a repeated parameter keeps its last value). */
function queryOf(originalUrl: string): Record<string, string> {
  return Object.fromEntries(new URL(originalUrl, 'http://route.invalid').searchParams);
}

/**
 * Mounts `GET /oauth/instagram/start` (binds this browser with a signed cookie, 302 to the consent page)
 * and `GET /oauth/instagram/callback` (the kit checks the cookie, consumes the state, exchanges the code
 * with the PKCE verifier and stores the sealed tokens). The gateway proxies both by its allow-list.
 */
export function mountInstagramOAuthRoutes(app: Express, oauth: InstagramOAuth, logger: Logger): void {
  app.get('/oauth/instagram/start', async (req, res) => {
    const query = queryOf(req.originalUrl);
    const result = await beginBrowserAuthorization(oauth.deps, {
      key: oauth.signingKey,
      query: { state: query['state'], ticket: query['ticket'] },
      cookie: oauth.cookie,
      redirectUri: oauth.redirectUri,
      startUrl: oauth.startUrl,
    });
    if (!result.ok) {
      logger.warn({ reason: result.reason }, 'instagram oauth start refused');
      refuse(res, result.code, result.message);
      return;
    }
    res.set({
      'set-cookie': result.setCookie,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.redirect(302, result.authorizationUrl);
  });

  app.get('/oauth/instagram/callback', async (req, res) => {
    const query = queryOf(req.originalUrl);
    const result = await completeAuthorization(oauth.deps, query, {
      key: oauth.signingKey,
      cookieHeader: req.headers.cookie,
    });
    if (!result.ok) {
      refuse(res, result.code, result.message);
      return;
    }
    // The flow is over: the binding cookie goes.
    const cookie = bindingCookieName(instagramProvider.id, query['state'] ?? '');
    res.set({
      'set-cookie': serializeCookie(cookie, '', { ...oauth.cookie, maxAgeSeconds: 0 }),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.status(200).json({ connected: true, connectionId: result.connection.id });
  });
}
