import express, { type Request, type Response, type Router } from 'express';
import { signQuery } from './query-hmac.ts';
import { parseScopes, unknownScopes } from './scopes.ts';
import type { TokenRegistry } from './token-registry.ts';

export interface AuthorizeConfig {
  apiKey: string;
  apiSecret: string;
  appName: string;
  /** when set, redirect_uri must be one of these (Shopify's "allowed redirection URLs") */
  allowedRedirectUris: readonly string[] | undefined;
  tokens: TokenRegistry;
  now: () => Date;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorPage(res: Response, message: string): void {
  res
    .status(400)
    .type('html')
    .send(`<!doctype html><title>Oauth error</title><h1>Oauth error ${escapeHtml(message)}</h1>`);
}

type Checked = { ok: true; scopes: string[]; redirectUri: string } | { ok: false; message: string };

function checkRequest(config: AuthorizeConfig, params: Record<string, unknown>): Checked {
  const get = (key: string): string => (typeof params[key] === 'string' ? (params[key] as string) : '');
  if (get('client_id') !== config.apiKey) {
    return { ok: false, message: 'invalid_request: The client_id provided is invalid' };
  }
  const redirectUri = get('redirect_uri');
  if (!/^https?:\/\//.test(redirectUri))
    return { ok: false, message: 'invalid_request: The redirect_uri is missing' };
  if (config.allowedRedirectUris && !config.allowedRedirectUris.includes(redirectUri)) {
    return { ok: false, message: 'invalid_request: The redirect_uri is not whitelisted' };
  }
  const scopes = parseScopes(get('scope'));
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0)
    return { ok: false, message: `invalid_scope: Scope undefined: ${unknown.join(', ')}` };
  return { ok: true, scopes, redirectUri };
}

function isOnline(params: Record<string, unknown>): boolean {
  const grant = params['grant_options[]'] ?? params['grant_options'];
  return [grant].flat().includes('per-user');
}

/** `/admin/oauth/authorize`: a consent page (GET) whose Approve button posts back to the same path. */
export function authorizeRoutes(config: AuthorizeConfig): Router {
  const router = express.Router({ mergeParams: true });

  router.get('/admin/oauth/authorize', (req: Request<{ shop: string }>, res) => {
    const params = req.query as Record<string, unknown>;
    const checked = checkRequest(config, params);
    if (!checked.ok) return errorPage(res, checked.message);
    const hidden = ['client_id', 'scope', 'redirect_uri', 'state']
      .map((key) => `<input type="hidden" name="${key}" value="${escapeHtml(String(params[key] ?? ''))}">`)
      .join('');
    const online = isOnline(params) ? '<input type="hidden" name="grant_options[]" value="per-user">' : '';
    const scopeList = checked.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Install ${escapeHtml(config.appName)}</title></head>
<body><main>
<h1>Install ${escapeHtml(config.appName)} on ${escapeHtml(req.params.shop)}</h1>
<p>This app will be able to:</p><ul>${scopeList}</ul>
<form method="post" action="authorize">${hidden}${online}
<button type="submit" name="approve" value="1">Install app</button>
</form></main></body></html>`);
  });

  router.post(
    '/admin/oauth/authorize',
    express.urlencoded({ extended: false }),
    (req: Request<{ shop: string }>, res) => {
      // The form posts its fields; a test may instead POST to the authorize URL itself, query and all.
      const params = {
        ...(req.query as Record<string, unknown>),
        ...((req.body ?? {}) as Record<string, unknown>),
      };
      const checked = checkRequest(config, params);
      if (!checked.ok) return errorPage(res, checked.message);
      const shop = req.params.shop;
      const query = new URLSearchParams();
      query.set('code', config.tokens.issueCode(shop, checked.scopes, isOnline(params)));
      query.set(
        'host',
        Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, '')}`).toString('base64url'),
      );
      query.set('shop', shop);
      if (typeof params['state'] === 'string' && params['state']) query.set('state', params['state']);
      query.set('timestamp', String(Math.floor(config.now().getTime() / 1000)));
      query.set('hmac', signQuery(query, config.apiSecret));
      const target = new URL(checked.redirectUri);
      for (const [key, value] of query) target.searchParams.append(key, value);
      res.redirect(302, target.toString());
    },
  );

  return router;
}
