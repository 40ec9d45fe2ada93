import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { logId } from '../core/envelope.ts';
import type { Grant, IssuedToken } from './grant-store.ts';
import { verifiesChallenge } from './pkce.ts';

/** `{error, error_description, log_id}`: the OAuth endpoints' error shape (not the v2 envelope). */
export function sendOAuthError(
  ctx: ApiContext,
  res: Response,
  status: number,
  error: string,
  description: string,
): void {
  res.status(status).json({ error, error_description: description, log_id: logId(ctx.now()) });
}

function form(req: Request): Record<string, string> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Whether the form carries this app's key and secret; answers `invalid_client` when not. */
export function authenticatesClient(ctx: ApiContext, req: Request, res: Response): boolean {
  if (!req.is('application/x-www-form-urlencoded')) {
    sendOAuthError(
      ctx,
      res,
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded.',
    );
    return false;
  }
  const fields = form(req);
  if (fields['client_key'] !== ctx.client.clientKey || fields['client_secret'] !== ctx.client.clientSecret) {
    sendOAuthError(ctx, res, 401, 'invalid_client', 'Client key or secret is incorrect.');
    return false;
  }
  return true;
}

function sendTokens(
  ctx: ApiContext,
  res: Response,
  grant: Grant,
  access: IssuedToken,
  refresh: IssuedToken,
): void {
  const nowMs = ctx.now().getTime();
  res.status(200).json({
    access_token: access.token,
    expires_in: Math.round((access.expiresAt - nowMs) / 1000),
    open_id: grant.openId,
    refresh_expires_in: Math.max(0, Math.round((refresh.expiresAt - nowMs) / 1000)),
    refresh_token: refresh.token,
    scope: access.scopes.join(','),
    token_type: 'Bearer',
  });
}

function exchangeCode(ctx: ApiContext, res: Response, fields: Record<string, string>) {
  const code = ctx.grants.code(fields['code'] ?? '');
  if (!code || code.clientKey !== ctx.client.clientKey)
    return sendOAuthError(ctx, res, 400, 'invalid_grant', 'Authorization code is invalid.');
  if (code.used) return sendOAuthError(ctx, res, 400, 'invalid_grant', 'Authorization code has been used.');
  if (code.expiresAt <= ctx.now().getTime())
    return sendOAuthError(ctx, res, 400, 'invalid_grant', 'Authorization code is expired.');
  if (fields['redirect_uri'] !== code.redirectUri) {
    return sendOAuthError(
      ctx,
      res,
      400,
      'invalid_grant',
      'redirect_uri does not match the one used to authorize.',
    );
  }
  if (
    code.codeChallenge !== undefined &&
    !verifiesChallenge(code.codeChallenge, fields['code_verifier'] ?? '')
  ) {
    return sendOAuthError(ctx, res, 400, 'invalid_grant', 'Code verifier or code challenge is invalid.');
  }
  code.used = true;
  const grant = ctx.grants.grant(code.clientKey, code.userId, code.scopes);
  sendTokens(
    ctx,
    res,
    grant,
    ctx.grants.issue('access', grant.clientKey, grant),
    ctx.grants.issue('refresh', grant.clientKey, grant),
  );
}

/** Refresh tokens rotate: the old one stops working and the new one keeps the original expiry. */
function refresh(ctx: ApiContext, res: Response, fields: Record<string, string>) {
  const found = ctx.grants.live(fields['refresh_token'] ?? '', 'refresh');
  if (!found?.grant || found.token.clientKey !== ctx.client.clientKey) {
    return sendOAuthError(ctx, res, 400, 'invalid_grant', 'Refresh token is invalid or expired.');
  }
  ctx.grants.revokeToken(found.token);
  const access = ctx.grants.issue('access', found.grant.clientKey, found.grant);
  sendTokens(
    ctx,
    res,
    found.grant,
    access,
    ctx.grants.issue('refresh', found.grant.clientKey, found.grant, found.token.expiresAt),
  );
}

/** `POST /v2/oauth/token/`: `authorization_code`, `refresh_token` and `client_credentials` grants. */
export function tokenEndpoint(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    if (!authenticatesClient(ctx, req, res)) return;
    const fields = form(req);
    switch (fields['grant_type']) {
      case 'authorization_code':
        return exchangeCode(ctx, res, fields);
      case 'refresh_token':
        return refresh(ctx, res, fields);
      case 'client_credentials': {
        if (!ctx.client.researchAccess)
          return sendOAuthError(
            ctx,
            res,
            400,
            'unauthorized_client',
            'The client is not approved for client credentials.',
          );
        const token = ctx.grants.issue('client', ctx.client.clientKey, undefined);
        res.status(200).json({
          access_token: token.token,
          expires_in: Math.round((token.expiresAt - ctx.now().getTime()) / 1000),
          token_type: 'Bearer',
        });
        return;
      }
      default:
        return sendOAuthError(
          ctx,
          res,
          400,
          'unsupported_grant_type',
          'grant_type is missing or not supported.',
        );
    }
  };
}

/** `POST /v2/oauth/revoke/`: revokes the user's authorization of the app, and so every token of it. */
export function revokeEndpoint(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    if (!authenticatesClient(ctx, req, res)) return;
    const token = form(req)['token'] ?? '';
    const found = ctx.grants.live(token, 'access') ?? ctx.grants.live(token, 'refresh');
    if (!found?.grant)
      return sendOAuthError(ctx, res, 400, 'invalid_request', 'The token is invalid or already revoked.');
    ctx.grants.revokeGrant(found.grant);
    res.status(200).json({});
  };
}
