import type { IntegrationProvider } from '@ionflux/kit/connections';
import {
  classifyOAuthError,
  formBody,
  type OAuthProviderProfile,
  splitScopes,
  type TokenError,
  type TokenSet,
} from '@ionflux/kit/oauth';
import { exampleProvider } from '../providers/example-providers.ts';

export interface ExampleOAuthProfileOptions {
  provider: IntegrationProvider;
  /** The standard OAuth server's URL (`startStandardOAuthServer`). */
  origin: string;
  clientId: string;
  clientSecret: string;
  /** Send an S256 challenge. @default true */
  pkce?: boolean;
  /** Name the account before authorizing (`login_hint`), as a store's handle. @default false */
  accountHint?: boolean;
  /** Revoke at `/revoke` on disconnect; without, disconnecting deletes the tokens only. @default true */
  revoke?: boolean;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

// A handle, as a store's: anything else is refused before a state is stored.
const HANDLE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The profile of a standard OAuth 2.0 provider (the test server of this folder): space-separated scopes,
 * `client_secret_post`, the account in the token response and `write:x` implying `read:x`. The options
 * give it either flavour the kit serves: accounts picked on the consent page (labelled from `/userinfo`)
 * with PKCE and revocation, or accounts named up front, by their handle, without them.
 */
export function createExampleOAuthProfile(options: ExampleOAuthProfileOptions): OAuthProviderProfile {
  const client = { client_id: options.clientId, client_secret: options.clientSecret };
  const endpoint = (path: string) => new URL(path, options.origin).toString();
  const accountHint = options.accountHint ?? false;
  const profile: OAuthProviderProfile = {
    provider: options.provider,
    scopeSeparator: ' ',
    supportsPkce: options.pkce ?? true,
    requiresAccountHint: accountHint,
    authorizationUrl({ state, scopes, redirectUri, accountHint: hint, codeChallenge }) {
      const url = new URL('/authorize', options.origin);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', scopes.join(' '));
      url.searchParams.set('state', state);
      // Only the flavour that names accounts up front says which; the other lets the person pick, so an
      // incremental grant can come back for another account (which the kit refuses).
      if (accountHint && hint !== undefined) url.searchParams.set('login_hint', hint);
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
      return { ok: true, code, account: query['account'] };
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
    hasScope(granted, needed) {
      return (
        granted.includes(needed) ||
        (needed.startsWith('read:') && granted.includes(`write:${needed.slice(5)}`))
      );
    },
  };
  if (accountHint) {
    // The handle names the account for people (`accountIdIsName`): no label to look up.
    profile.normalizeAccount = (hint) => {
      const handle = hint.trim().toLowerCase();
      if (!HANDLE.test(handle)) throw new Error('A store handle is letters, digits and dashes');
      return handle;
    };
  } else {
    profile.accountLabelRequest = (accessToken) => ({
      url: endpoint('/userinfo'),
      headers: { authorization: `Bearer ${accessToken}` },
    });
    profile.parseAccountLabel = (body) => {
      const name = (body as { name?: unknown } | undefined)?.name;
      return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    };
  }
  if (options.revoke ?? true) {
    profile.revokeRequest = ({ accessToken }) => ({
      url: endpoint('/revoke'),
      headers: FORM,
      body: formBody({ ...client, token: accessToken }),
    });
  }
  return profile;
}

/** The app registered at the `example` provider's server. */
export const EXAMPLE_APP = { clientId: 'ionflux-example-client', clientSecret: 'example-secret-5c1e9a7b3d' };
/** The app registered at the `example_store` provider's server. */
export const EXAMPLE_STORE_APP = {
  clientId: 'ionflux-store-client',
  clientSecret: 'store-secret-2a8f4c6e0b',
};

/** The `example` provider's profile: accounts picked on the consent page, PKCE, revocation. */
export function exampleOAuthProfile(origin: string): OAuthProviderProfile {
  return createExampleOAuthProfile({ provider: exampleProvider, origin, ...EXAMPLE_APP });
}
