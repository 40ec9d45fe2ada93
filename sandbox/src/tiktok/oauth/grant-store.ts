import { randomBytes } from 'node:crypto';
import { openIdFor } from './open-id.ts';

export interface TokenLifetimes {
  /** @default 86400 (24 h) */
  accessSeconds: number;
  /** @default 31536000 (365 days) */
  refreshSeconds: number;
  /** @default 600 */
  codeSeconds: number;
  /** Client access tokens (Research API). @default 7200 */
  clientSeconds: number;
}

export interface AuthorizationCode {
  code: string;
  clientKey: string;
  userId: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | undefined;
  expiresAt: number;
  used: boolean;
}

/** A user's authorization of one app; revoking it invalidates every token issued under it. */
export interface Grant {
  id: string;
  clientKey: string;
  userId: string;
  openId: string;
  scopes: string[];
  revoked: boolean;
}

export interface IssuedToken {
  token: string;
  kind: 'access' | 'refresh' | 'client';
  clientKey: string;
  grantId: string | undefined;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

function secret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}!${randomBytes(2).readUInt16LE(0)}.va`;
}

/** Authorization codes, grants and tokens, with expiry on the simulator's clock. */
export class GrantStore {
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #grants = new Map<string, Grant>();
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #now: () => number;
  readonly lifetimes: TokenLifetimes;

  constructor(now: () => number, lifetimes: TokenLifetimes) {
    this.#now = now;
    this.lifetimes = lifetimes;
  }

  issueCode(input: Omit<AuthorizationCode, 'code' | 'expiresAt' | 'used'>): string {
    // Real codes carry `*` and `!`, which catches clients that forget to URL-decode them.
    const code = `${randomBytes(30).toString('base64url')}*0!${randomBytes(2).readUInt16LE(0)}.va`;
    this.#codes.set(code, {
      ...input,
      code,
      expiresAt: this.#now() + this.lifetimes.codeSeconds * 1000,
      used: false,
    });
    return code;
  }

  code(code: string): AuthorizationCode | undefined {
    return this.#codes.get(code);
  }

  /** The live grant of this user to this app, its scopes widened to include `scopes`. */
  grant(clientKey: string, userId: string, scopes: readonly string[]): Grant {
    const existing = [...this.#grants.values()].find(
      (grant) => grant.clientKey === clientKey && grant.userId === userId && !grant.revoked,
    );
    if (existing) {
      existing.scopes = [...new Set([...existing.scopes, ...scopes])];
      return existing;
    }
    const grant: Grant = {
      id: randomBytes(8).toString('hex'),
      clientKey,
      userId,
      openId: openIdFor(clientKey, userId),
      scopes: [...scopes],
      revoked: false,
    };
    this.#grants.set(grant.id, grant);
    return grant;
  }

  grants(): Grant[] {
    return [...this.#grants.values()];
  }

  issue(
    kind: IssuedToken['kind'],
    clientKey: string,
    grant: Grant | undefined,
    expiresAt?: number,
  ): IssuedToken {
    const seconds = {
      access: this.lifetimes.accessSeconds,
      refresh: this.lifetimes.refreshSeconds,
      client: this.lifetimes.clientSeconds,
    }[kind];
    const prefix = { access: 'act.', refresh: 'rft.', client: 'clt.' }[kind];
    const token: IssuedToken = {
      token: secret(prefix),
      kind,
      clientKey,
      grantId: grant?.id,
      scopes: grant ? [...grant.scopes] : [],
      expiresAt: expiresAt ?? this.#now() + seconds * 1000,
      revoked: false,
    };
    this.#tokens.set(token.token, token);
    return token;
  }

  /** A token that is known, unexpired, unrevoked and of this kind, with its grant. */
  live(
    token: string,
    kind: IssuedToken['kind'],
  ): { token: IssuedToken; grant: Grant | undefined } | undefined {
    const found = this.#tokens.get(token);
    if (!found || found.kind !== kind || found.revoked || found.expiresAt <= this.#now()) return undefined;
    const grant = found.grantId === undefined ? undefined : this.#grants.get(found.grantId);
    if (grant?.revoked) return undefined;
    return { token: found, grant };
  }

  revokeToken(token: IssuedToken): void {
    token.revoked = true;
  }

  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const token of this.#tokens.values()) if (token.grantId === grant.id) token.revoked = true;
  }

  /** Makes tokens expire now: of one grant or all, access or refresh tokens or both. */
  expire(filter: { grantId?: string | undefined; kind?: 'access' | 'refresh' | 'all' | undefined }): number {
    let count = 0;
    for (const token of this.#tokens.values()) {
      if (filter.grantId !== undefined && token.grantId !== filter.grantId) continue;
      const kind = filter.kind ?? 'access';
      if (kind !== 'all' && token.kind !== kind) continue;
      token.expiresAt = Math.min(token.expiresAt, this.#now());
      count += 1;
    }
    return count;
  }
}
