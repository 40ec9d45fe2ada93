import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TikTokUser } from '../data/types.ts';
import type { Grant, IssuedToken } from '../oauth/grant-store.ts';
import type { ApiContext } from './api-context.ts';
import { sendError } from './envelope.ts';
import type { RateLimitedEndpoint } from './rate-limiter.ts';

/** The caller of a user-token endpoint, set on `res.locals.auth`. */
export interface UserAuth {
  token: IssuedToken;
  grant: Grant;
  user: TikTokUser;
}

const INVALID = 'The access token is invalid or not found in the request.';

function bearer(req: Request): string | undefined {
  return req
    .get('authorization')
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim();
}

/** Requires a live user access token, then counts the request against the endpoint's rate limit. */
export function userAuth(ctx: ApiContext, endpoint: RateLimitedEndpoint): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const found = ctx.grants.live(bearer(req) ?? '', 'access');
    const user = found?.grant && ctx.catalog.user(found.grant.userId);
    if (!found?.grant || !user) return sendError(res, ctx.now(), 'access_token_invalid', INVALID);
    if (!ctx.limiter.allow(endpoint, found.token.token, ctx.now().getTime())) {
      return sendError(
        res,
        ctx.now(),
        'rate_limit_exceeded',
        'The API rate limit was exceeded. Please try again later.',
      );
    }
    const auth: UserAuth = { token: found.token, grant: found.grant, user };
    res.locals['auth'] = auth;
    next();
  };
}

/** Requires a live client access token (client_credentials), then counts it against the limit. */
export function clientAuth(ctx: ApiContext, endpoint: RateLimitedEndpoint): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const found = ctx.grants.live(bearer(req) ?? '', 'client');
    if (!found) return sendError(res, ctx.now(), 'access_token_invalid', INVALID);
    if (!ctx.limiter.allow(endpoint, found.token.token, ctx.now().getTime())) {
      return sendError(
        res,
        ctx.now(),
        'rate_limit_exceeded',
        'The API rate limit was exceeded. Please try again later.',
      );
    }
    next();
  };
}

/** The authenticated caller; only valid after `userAuth`. */
export function authOf(res: Response): UserAuth {
  return res.locals['auth'] as UserAuth;
}

/** Answers `scope_not_authorized` and returns false when the token lacks any of `scopes`. */
export function hasScopes(ctx: ApiContext, res: Response, scopes: readonly string[]): boolean {
  const missing = scopes.filter((scope) => !authOf(res).token.scopes.includes(scope));
  if (missing.length === 0) return true;
  sendError(
    res,
    ctx.now(),
    'scope_not_authorized',
    `The user did not authorize the scope required for completing this request. Missing scope: ${missing.join(',')}.`,
  );
  return false;
}
