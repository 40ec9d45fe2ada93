import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { SEED_CREATOR_USERNAME } from '../data/seed-data.ts';
import { renderAuthorizePage, renderErrorPage } from './authorize-html.ts';
import { type AuthorizeRequest, readAuthorizeRequest, withQuery } from './authorize-request.ts';

/**
 * The user's decision on an authorize request, as the redirect TikTok would send: with `code`,
 * `scopes` and `state` on approval, `error=access_denied` on refusal.
 */
export function decide(
  ctx: ApiContext,
  request: AuthorizeRequest,
  username: string,
  approve: boolean,
): string {
  if (!approve) {
    return withQuery(request.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied the authorization request.',
      state: request.state,
    });
  }
  const user = ctx.catalog.userByUsername(username);
  if (!user) throw new Error(`unknown TikTok sandbox user ${username}`);
  const code = ctx.grants.issueCode({
    clientKey: request.clientKey,
    userId: user.userId,
    scopes: request.scopes,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
  });
  return withQuery(request.redirectUri, { code, scopes: request.scopes.join(','), state: request.state });
}

function answer(
  ctx: ApiContext,
  params: Record<string, unknown>,
  res: Response,
  onValid: (request: AuthorizeRequest) => void,
): void {
  const read = readAuthorizeRequest(ctx.client, params);
  if (read.ok) {
    onValid(read.request);
    return;
  }
  if (read.fatal || read.redirectUri === undefined) {
    res.status(400).type('html').send(renderErrorPage(read.error, read.description));
    return;
  }
  res.redirect(
    302,
    withQuery(read.redirectUri, {
      error: read.error,
      error_description: read.description,
      state: read.state ?? '',
    }),
  );
}

/** `GET /v2/auth/authorize/`: the consent page, with an account picker and Approve / Deny buttons. */
export function authorizePage(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    answer(ctx, req.query, res, (request) => {
      const usernames = ctx.catalog.users().map((user) => user.username);
      res
        .status(200)
        .type('html')
        .send(renderAuthorizePage(request, req.query, usernames, SEED_CREATOR_USERNAME));
    });
  };
}

/** `POST /v2/auth/authorize/` (the page's form): redirects to the app with the user's decision. */
export function authorizeDecision(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    answer(ctx, form, res, (request) => {
      const username = typeof form['username'] === 'string' ? form['username'] : SEED_CREATOR_USERNAME;
      if (!ctx.catalog.userByUsername(username)) {
        res
          .status(400)
          .type('html')
          .send(renderErrorPage('invalid_request', `Unknown account ${username}.`));
        return;
      }
      res.redirect(302, decide(ctx, request, username, form['decision'] === 'approve'));
    });
  };
}
