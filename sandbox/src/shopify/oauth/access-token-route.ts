import express, { type Request, type Response, type Router } from 'express';
import {
  EXPIRING_TOKEN_SECONDS,
  ONLINE_TOKEN_SECONDS,
  REFRESH_TOKEN_SECONDS,
  type TokenRegistry,
} from './token-registry.ts';

export interface AccessTokenConfig {
  apiKey: string;
  apiSecret: string;
  tokens: TokenRegistry;
  markInstalled: (shop: string) => void;
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

const isTrue = (value: unknown): boolean =>
  value === '1' || value === 1 || value === true || value === 'true';

/** `/admin/oauth/access_token`: code exchange (offline, online, expiring) and the refresh grant. */
export function accessTokenRoute(config: AccessTokenConfig): Router {
  const router = express.Router({ mergeParams: true });
  router.post(
    '/admin/oauth/access_token',
    express.json(),
    express.urlencoded({ extended: false }),
    (req: Request<{ shop: string }>, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const shop = req.params.shop;
      if (body['client_id'] !== config.apiKey || body['client_secret'] !== config.apiSecret) {
        return oauthError(
          res,
          401,
          'invalid_client',
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
        );
      }
      if (body['grant_type'] === 'refresh_token') {
        const used = config.tokens.useRefresh(String(body['refresh_token'] ?? ''), shop);
        if (!used)
          return oauthError(res, 400, 'invalid_grant', 'The refresh token is invalid, expired or revoked.');
        const access = config.tokens.issueAccess(shop, used.scopes, {
          expiresInSeconds: EXPIRING_TOKEN_SECONDS,
        });
        const next = config.tokens.issueRefresh(shop, used.scopes);
        config.tokens.rotate(used, next);
        return res.json({
          access_token: access.token,
          expires_in: EXPIRING_TOKEN_SECONDS,
          refresh_token: next.refreshToken,
          refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
          scope: used.scopes.join(','),
        });
      }
      if (body['grant_type'] !== undefined && body['grant_type'] !== 'authorization_code') {
        return oauthError(
          res,
          400,
          'unsupported_grant_type',
          `The grant type ${String(body['grant_type'])} is not supported by this simulator.`,
        );
      }
      const pending = config.tokens.redeemCode(String(body['code'] ?? ''), shop);
      if (!pending)
        return oauthError(
          res,
          400,
          'invalid_request',
          'The authorization code was not found or was already used',
        );
      config.markInstalled(shop);
      const scope = pending.scopes.join(',');
      if (pending.online) {
        const access = config.tokens.issueAccess(shop, pending.scopes, {
          online: true,
          expiresInSeconds: ONLINE_TOKEN_SECONDS,
        });
        return res.json({
          access_token: access.token,
          scope,
          expires_in: ONLINE_TOKEN_SECONDS,
          associated_user_scope: scope,
          associated_user: {
            id: 902541635,
            first_name: 'Demo',
            last_name: 'Owner',
            email: `owner@${shop}`,
            email_verified: true,
            account_owner: true,
            locale: 'en',
            collaborator: false,
          },
        });
      }
      if (isTrue(body['expiring'])) {
        const access = config.tokens.issueAccess(shop, pending.scopes, {
          expiresInSeconds: EXPIRING_TOKEN_SECONDS,
        });
        const refresh = config.tokens.issueRefresh(shop, pending.scopes);
        return res.json({
          access_token: access.token,
          expires_in: EXPIRING_TOKEN_SECONDS,
          refresh_token: refresh.refreshToken,
          refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
          scope,
        });
      }
      const access = config.tokens.issueAccess(shop, pending.scopes);
      return res.json({ access_token: access.token, scope });
    },
  );
  return router;
}
