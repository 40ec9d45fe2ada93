import {
  classifyOAuthError,
  formBody,
  type OAuthProviderProfile,
  splitScopes,
  type TokenError,
  type TokenSet,
} from '@ionflux/kit/oauth';
import { instagramProvider } from './registration.ts';

export interface InstagramOAuthConfig {
  /** `INSTAGRAM_APP_ID`. */
  appId: string;
  /** `INSTAGRAM_APP_SECRET`. */
  appSecret: string;
  /** `INSTAGRAM_OAUTH_ORIGIN`: serves `/authorize`, `/token`, `/revoke` and `/userinfo`. */
  origin: string;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

/**
 * The wire facts of the provider's OAuth 2.0 flavour, as a pure mapping: the kit does state, PKCE,
 * sealing, refresh and locking. Space-separated scopes, `client_secret_post`, PKCE S256, the account id
 * in the token response, the label from `/userinfo`.
 */
export function createInstagramOAuthProfile(config: InstagramOAuthConfig): OAuthProviderProfile {
  const endpoint = (path: string) => new URL(path, config.origin).toString();
  const client = { client_id: config.appId, client_secret: config.appSecret };
  return {
    provider: instagramProvider,
    scopeSeparator: ' ',
    supportsPkce: true,
    requiresAccountHint: false,
    authorizationUrl({ state, scopes, redirectUri, codeChallenge }) {
      const url = new URL('/authorize', config.origin);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', scopes.join(' '));
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
        url: endpoint('/token'),
        headers: FORM,
        body: formBody({
          ...client,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }),
      };
    },
    refreshRequest({ refreshToken }) {
      return {
        url: endpoint('/token'),
        headers: FORM,
        body: formBody({ ...client, grant_type: 'refresh_token', refresh_token: refreshToken }),
      };
    },
    revokeRequest({ accessToken }) {
      return { url: endpoint('/revoke'), headers: FORM, body: formBody({ ...client, token: accessToken }) };
    },
    parseTokenResponse(body): TokenSet | TokenError {
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
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
        scopes: splitScopes(record['scope'], ' '),
        accountId: typeof record['account_id'] === 'string' ? record['account_id'] : undefined,
        tokenType: typeof record['token_type'] === 'string' ? record['token_type'] : undefined,
      };
    },
    classifyError: classifyOAuthError,
    accountLabelRequest(accessToken) {
      return { url: endpoint('/userinfo'), headers: { authorization: `Bearer ${accessToken}` } };
    },
    parseAccountLabel(body) {
      const name = (body as { name?: unknown } | undefined)?.name;
      return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    },
  };
}
