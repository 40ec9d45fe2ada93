import { createHash, randomBytes } from 'node:crypto';

/** A person who can sign in at the test authorization server and approve an app. */
export interface OAuthAccount {
  /** The id the token response names (`account_id`) and the kit stores as the connection's account. */
  id: string;
  username: string;
  displayName: string;
}

/** What approving the consent page issued, until the app exchanges it once. */
interface AuthorizationCode {
  accountId: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | undefined;
  expiresAt: number;
  used: boolean;
}

/** An account's authorization of the app; revoking it invalidates every token issued under it. */
interface Grant {
  accountId: string;
  scopes: string[];
  revoked: boolean;
}

/** What a token endpoint call answered: tokens, or an RFC 6749 §5.2 error. */
export type TokenGrant =
  | {
      ok: true;
      accessToken: string;
      refreshToken: string;
      scopes: string[];
      accountId: string;
    }
  | { ok: false; error: 'invalid_grant'; description: string };

const CODE_SECONDS = 600;

/**
 * Codes, grants and tokens of the test authorization server (RFC 6749 §4.1 with RFC 7636 PKCE): a code
 * is single use, bound to its redirect URI and challenge; a refresh rotates both tokens and retires the
 * old refresh token; revoking a grant retires all of its tokens.
 */
export class OAuthGrants {
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #grants = new Map<string, Grant>();
  readonly #accessTokens = new Map<string, Grant>();
  readonly #refreshTokens = new Map<string, Grant>();
  readonly #tokenPrefix: string;

  /** `tokenPrefix` starts every token, so a test can tell which server issued a secret it finds. */
  constructor(tokenPrefix: string) {
    this.#tokenPrefix = tokenPrefix;
  }

  issueCode(input: Omit<AuthorizationCode, 'expiresAt' | 'used'>): string {
    const code = secret(`${this.#tokenPrefix}code_`);
    this.#codes.set(code, { ...input, expiresAt: Date.now() + CODE_SECONDS * 1000, used: false });
    return code;
  }

  exchangeCode(input: { code: string; redirectUri: string; codeVerifier: string | undefined }): TokenGrant {
    const stored = this.#codes.get(input.code);
    if (!stored || stored.used || stored.expiresAt < Date.now()) {
      return { ok: false, error: 'invalid_grant', description: 'The code is unknown, used or expired.' };
    }
    stored.used = true;
    if (stored.redirectUri !== input.redirectUri) {
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'redirect_uri differs from the authorize one.',
      };
    }
    if (
      stored.codeChallenge !== undefined &&
      pkceChallenge(input.codeVerifier ?? '') !== stored.codeChallenge
    ) {
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'code_verifier does not match the challenge.',
      };
    }
    const grant: Grant = { accountId: stored.accountId, scopes: stored.scopes, revoked: false };
    this.#grants.set(secret('grant_'), grant);
    return this.#issue(grant);
  }

  refresh(refreshToken: string): TokenGrant {
    const grant = this.#refreshTokens.get(refreshToken);
    if (!grant || grant.revoked) {
      return { ok: false, error: 'invalid_grant', description: 'The refresh token is unknown or revoked.' };
    }
    this.#refreshTokens.delete(refreshToken);
    return this.#issue(grant);
  }

  /** The grant behind a live access token, for the userinfo endpoint. */
  grantOfAccessToken(accessToken: string): { accountId: string; scopes: string[] } | undefined {
    const grant = this.#accessTokens.get(accessToken);
    return grant && !grant.revoked ? grant : undefined;
  }

  /** RFC 7009: revokes the grant an access or refresh token belongs to; an unknown token is no error. */
  revokeToken(token: string): void {
    const grant = this.#accessTokens.get(token) ?? this.#refreshTokens.get(token);
    if (grant) grant.revoked = true;
  }

  /** The account withdrew the app's access at the provider (every grant of the account). */
  revokeAccount(accountId: string): void {
    for (const grant of this.#grants.values()) if (grant.accountId === accountId) grant.revoked = true;
  }

  #issue(grant: Grant): TokenGrant {
    const accessToken = secret(`${this.#tokenPrefix}at_`);
    const refreshToken = secret(`${this.#tokenPrefix}rt_`);
    this.#accessTokens.set(accessToken, grant);
    this.#refreshTokens.set(refreshToken, grant);
    return { ok: true, accessToken, refreshToken, scopes: grant.scopes, accountId: grant.accountId };
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function secret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}
