import type { IntegrationProvider } from '../connections/index.ts';

/**
 * A provider id, as its subgraph registered it (`IntegrationProvider.id`): the kit knows none by name. It
 * keys `OAuthDeps.profiles`, signing keys, binding cookies and the `provider` columns of kit tables.
 */
export type OAuthProvider = string;

/** One HTTP request to a provider's token or revoke endpoint, built by a profile and sent by the kit. */
export interface TokenEndpointRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a token endpoint granted, in provider-neutral terms. */
export interface TokenSet {
  accessToken: string;
  /** Absent when the provider issues none (non-expiring offline tokens) or keeps the old one. */
  refreshToken?: string | undefined;
  /** Seconds until the access token expires; absent for tokens that do not expire. */
  expiresIn?: number | undefined;
  refreshExpiresIn?: number | undefined;
  scopes: string[];
  /** The provider's account id when the response names it (e.g. an `open_id`). */
  accountId?: string | undefined;
  tokenType?: string | undefined;
}

/**
 * How a failed token call is treated: `revoked` (the grant is gone: reconnect), `transient` (retry
 * later), `rejected` (our request or app credentials are wrong: neither retrying nor reconnecting helps).
 */
export type TokenErrorKind = 'revoked' | 'transient' | 'rejected';

export interface TokenError {
  kind: TokenErrorKind;
  /** The provider's error code, e.g. `invalid_grant`, or `http_503`. Never contains secrets. */
  code: string;
  description: string;
}

/** What the provider put on the callback URL, read by the profile. */
export type CallbackReading =
  | {
      ok: true;
      code: string;
      /** The account the callback names, when it does (e.g. a `shop` parameter). */
      account?: string | undefined;
    }
  | { ok: false; error: string; description: string };

export interface AuthorizationUrlInput {
  state: string;
  scopes: readonly string[];
  redirectUri: string;
  /** The account the flow is for, when the provider's URLs name it (e.g. a store's domain). */
  accountHint?: string | undefined;
  /** S256 challenge, present when the profile supports PKCE. */
  codeChallenge?: string | undefined;
}

export interface CodeExchangeInput {
  code: string;
  redirectUri: string;
  codeVerifier?: string | undefined;
  accountHint?: string | undefined;
}

export interface StoredGrant {
  /** The connection's `account_id` (shop domain, open_id). */
  accountId: string;
  accessToken: string;
  refreshToken?: string | undefined;
}

/**
 * The wire facts of one provider's OAuth 2.0 authorization-code flavour. Profiles are pure mappings
 * (URLs, bodies, response fields, error codes): the kit does state, PKCE, storage, refresh and locking.
 */
export interface OAuthProviderProfile {
  /** The provider as its subgraph registered it; `OAuthDeps.profiles` keys the profile by its id. */
  readonly provider: IntegrationProvider;
  /** How scopes are joined in the authorize URL and split in responses. */
  readonly scopeSeparator: string;
  /** Whether to send an S256 `code_challenge` and keep a verifier for the exchange. */
  readonly supportsPkce: boolean;
  /** Whether the account must be named before authorizing (its URLs name it). */
  readonly requiresAccountHint: boolean;
  /** Normalises an account hint the user typed, e.g. a shop domain to lower case; throws when invalid. */
  normalizeAccount?(hint: string): string;
  authorizationUrl(input: AuthorizationUrlInput): string;
  readCallback(query: Readonly<Record<string, string | undefined>>): CallbackReading;
  codeExchangeRequest(input: CodeExchangeInput): TokenEndpointRequest;
  refreshRequest(grant: StoredGrant & { refreshToken: string }): TokenEndpointRequest;
  /** Absent when the provider has no revocation endpoint (e.g. uninstalling the app revokes). */
  revokeRequest?(grant: StoredGrant): TokenEndpointRequest;
  /** Maps a 2xx JSON body to tokens; returns an error when the body carries one (some send errors as 200). */
  parseTokenResponse(body: unknown): TokenSet | TokenError;
  /** Classifies a non-2xx answer; `body` is the parsed JSON or undefined. */
  classifyError(status: number, body: unknown): TokenError;
  /**
   * Optional: a GET that names the account for people (a display name), used once after the
   * code exchange so notifications and lists say "@creator" rather than an opaque id.
   */
  accountLabelRequest?(accessToken: string): { url: string; headers: Record<string, string> };
  parseAccountLabel?(body: unknown): string | undefined;
  /** Whether `granted` covers `needed` (e.g. `write_x` implies `read_x`). @default exact match */
  hasScope?(granted: readonly string[], needed: string): boolean;
}

/** Whether a token call's mapped answer is an error. */
export function isTokenError(value: TokenSet | TokenError): value is TokenError {
  return 'kind' in value;
}

/** Splits a provider's scope list (comma or the profile's separator, whitespace tolerated). */
export function splitScopes(raw: unknown, separator: string): string[] {
  if (typeof raw !== 'string') return [];
  return [
    ...new Set(
      raw
        .split(separator)
        .flatMap((part) => part.split(/[\s,]+/))
        .filter(Boolean),
    ),
  ];
}

/** The common OAuth error body `{error, error_description}`, classified the usual way. */
export function classifyOAuthError(status: number, body: unknown): TokenError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record['error'] === 'string' ? record['error'] : `http_${status}`;
  const description =
    typeof record['error_description'] === 'string' ? record['error_description'] : `HTTP ${status}`;
  if (status === 429 || status >= 500) return { kind: 'transient', code: error, description };
  if (error === 'invalid_grant' || error === 'access_denied' || error === 'invalid_token') {
    return { kind: 'revoked', code: error, description };
  }
  if (error === 'temporarily_unavailable' || error === 'server_error') {
    return { kind: 'transient', code: error, description };
  }
  return { kind: 'rejected', code: error, description };
}

/** An `application/x-www-form-urlencoded` body of the fields that are set. */
export function formBody(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, value);
  return params.toString();
}
