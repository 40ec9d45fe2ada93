import {
  classifyOAuthError,
  formBody,
  type OAuthProviderProfile,
  splitScopes,
  type TokenError,
  type TokenSet,
} from '@ionflux/kit/oauth';
import { tiktokProvider } from '../registration.ts';

export interface TikTokOAuthConfig {
  /** `TIKTOK_CLIENT_KEY`. */
  clientKey: string;
  /** `TIKTOK_CLIENT_SECRET`. */
  clientSecret: string;
  /** Serves `/v2/auth/authorize/`. @default 'https://www.tiktok.com' */
  authOrigin?: string | undefined;
  /** Serves `/v2/oauth/token/` and `/v2/oauth/revoke/`. @default 'https://open.tiktokapis.com' */
  apiOrigin?: string | undefined;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/** TikTok Login Kit v2 with PKCE (S256), wire facts from reference/tiktok.md "OAuth". */
export function createTikTokOAuthProfile(config: TikTokOAuthConfig): OAuthProviderProfile {
  const authOrigin = config.authOrigin ?? 'https://www.tiktok.com';
  const apiOrigin = config.apiOrigin ?? 'https://open.tiktokapis.com';
  const client = { client_key: config.clientKey, client_secret: config.clientSecret };
  return {
    provider: tiktokProvider,
    scopeSeparator: ',',
    supportsPkce: true,
    requiresAccountHint: false,
    authorizationUrl({ state, scopes, redirectUri, codeChallenge }) {
      const url = new URL('/v2/auth/authorize/', authOrigin);
      url.searchParams.set('client_key', config.clientKey);
      url.searchParams.set('scope', scopes.join(','));
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      if (codeChallenge !== undefined) {
        url.searchParams.set('code_challenge', codeChallenge);
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return url.toString();
    },
    readCallback(query) {
      if (query['error'] !== undefined) {
        return {
          ok: false,
          error: query['error'],
          description: query['error_description'] ?? query['error'],
        };
      }
      const code = query['code'];
      if (!code) return { ok: false, error: 'invalid_request', description: 'The callback has no code.' };
      return { ok: true, code };
    },
    codeExchangeRequest({ code, redirectUri, codeVerifier }) {
      return {
        url: new URL('/v2/oauth/token/', apiOrigin).toString(),
        headers: FORM,
        body: formBody({
          ...client,
          code,
          grant_type: 'authorization_code',
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }),
      };
    },
    refreshRequest({ refreshToken }) {
      return {
        url: new URL('/v2/oauth/token/', apiOrigin).toString(),
        headers: FORM,
        body: formBody({ ...client, grant_type: 'refresh_token', refresh_token: refreshToken }),
      };
    },
    revokeRequest({ accessToken }) {
      return {
        url: new URL('/v2/oauth/revoke/', apiOrigin).toString(),
        headers: FORM,
        body: formBody({ ...client, token: accessToken }),
      };
    },
    parseTokenResponse(body): TokenSet | TokenError {
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      // TikTok has answered errors with HTTP 200 and an `error` field: check the body, not only the status.
      if (typeof record['error'] === 'string' && record['error'] !== '' && record['error'] !== 'ok') {
        return classifyOAuthError(400, body);
      }
      if (typeof record['access_token'] !== 'string' || record['access_token'] === '') {
        return {
          kind: 'rejected',
          code: 'malformed_response',
          description: 'No access_token in the response.',
        };
      }
      return {
        accessToken: record['access_token'],
        refreshToken: typeof record['refresh_token'] === 'string' ? record['refresh_token'] : undefined,
        expiresIn: typeof record['expires_in'] === 'number' ? record['expires_in'] : undefined,
        refreshExpiresIn:
          typeof record['refresh_expires_in'] === 'number' ? record['refresh_expires_in'] : undefined,
        scopes: splitScopes(record['scope'], ','),
        accountId: typeof record['open_id'] === 'string' ? record['open_id'] : undefined,
        tokenType: typeof record['token_type'] === 'string' ? record['token_type'] : undefined,
      };
    },
    classifyError: classifyOAuthError,
    accountLabelRequest(accessToken) {
      const url = new URL('/v2/user/info/', apiOrigin);
      url.searchParams.set('fields', 'open_id,display_name');
      return { url: url.toString(), headers: { authorization: `Bearer ${accessToken}` } };
    },
    parseAccountLabel(body) {
      const data = (body as { data?: { user?: { display_name?: unknown } } } | undefined)?.data;
      const name = data?.user?.display_name;
      return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    },
  };
}
