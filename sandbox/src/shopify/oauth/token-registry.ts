import { randomBytes } from 'node:crypto';

export interface AccessGrant {
  token: string;
  shop: string;
  scopes: string[];
  online: boolean;
  /** null for non-expiring offline tokens */
  expiresAt: Date | null;
}

export interface RefreshGrant {
  refreshToken: string;
  shop: string;
  scopes: string[];
  expiresAt: Date;
}

interface PendingCode {
  shop: string;
  scopes: string[];
  online: boolean;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; grant: AccessGrant }
  | { ok: false; reason: 'unknown' | 'expired' | 'wrong_shop' };

const CODE_LIFETIME_MS = 10 * 60_000;
export const EXPIRING_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 86_400;
export const ONLINE_TOKEN_SECONDS = 86_400;

const secret = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

/** Authorization codes, access tokens and refresh tokens of the one app the simulator serves. */
export class TokenRegistry {
  readonly #codes = new Map<string, PendingCode>();
  readonly #tokens = new Map<string, AccessGrant>();
  readonly #refresh = new Map<string, RefreshGrant>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  issueCode(shop: string, scopes: string[], online: boolean): string {
    const code = randomBytes(16).toString('hex');
    this.#codes.set(code, {
      shop,
      scopes,
      online,
      expiresAt: new Date(this.#now().getTime() + CODE_LIFETIME_MS),
    });
    return code;
  }

  /** Codes are single-use: a second redemption fails. */
  redeemCode(code: string, shop: string): PendingCode | undefined {
    const pending = this.#codes.get(code);
    this.#codes.delete(code);
    if (!pending || pending.shop !== shop || pending.expiresAt <= this.#now()) return undefined;
    return pending;
  }

  issueAccess(
    shop: string,
    scopes: string[],
    options: { online?: boolean; expiresInSeconds?: number | null } = {},
  ): AccessGrant {
    const seconds = options.expiresInSeconds ?? null;
    const grant: AccessGrant = {
      token: secret('shpat_'),
      shop,
      scopes,
      online: options.online ?? false,
      expiresAt: seconds === null ? null : new Date(this.#now().getTime() + seconds * 1000),
    };
    this.#tokens.set(grant.token, grant);
    return grant;
  }

  issueRefresh(shop: string, scopes: string[]): RefreshGrant {
    const grant = {
      refreshToken: secret('shprt_'),
      shop,
      scopes,
      expiresAt: new Date(this.#now().getTime() + REFRESH_TOKEN_SECONDS * 1000),
    };
    this.#refresh.set(grant.refreshToken, grant);
    return grant;
  }

  /**
   * Uses a refresh token. It rotates on every use; the previous one stays valid until its replacement is
   * used (Shopify's behaviour since 2026-08-28).
   */
  useRefresh(refreshToken: string, shop: string): RefreshGrant | undefined {
    const grant = this.#refresh.get(refreshToken);
    if (!grant || grant.shop !== shop || grant.expiresAt <= this.#now()) return undefined;
    return grant;
  }

  /** After `used` produced `next`, every older refresh token of the shop is retired. */
  rotate(used: RefreshGrant, next: RefreshGrant): void {
    for (const [token, grant] of this.#refresh) {
      if (grant.shop === used.shop && token !== used.refreshToken && token !== next.refreshToken)
        this.#refresh.delete(token);
    }
  }

  check(token: string, shop: string): TokenCheck {
    const grant = this.#tokens.get(token);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (grant.shop !== shop) return { ok: false, reason: 'wrong_shop' };
    if (grant.expiresAt && grant.expiresAt <= this.#now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  /** Uninstalling the app revokes every token of the shop. */
  revokeShop(shop: string): number {
    let revoked = 0;
    for (const [token, grant] of this.#tokens) {
      if (grant.shop === shop) {
        this.#tokens.delete(token);
        revoked++;
      }
    }
    for (const [token, grant] of this.#refresh) if (grant.shop === shop) this.#refresh.delete(token);
    return revoked;
  }
}
