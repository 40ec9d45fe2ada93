import type { Logger } from 'pino';
import type { TransactionSql } from 'postgres';
import type { Registry } from 'prom-client';
import type { CredentialCipher } from '../crypto/index.ts';
import type { Sql } from '../db/index.ts';
import type { EventBus } from '../events/index.ts';
import type { ConnectionHealth } from '../health/index.ts';
import type { OAuthProvider, OAuthProviderProfile } from './provider-profile.ts';

/** Everything the OAuth functions use, passed explicitly (no module state reads env). */
export interface OAuthDeps {
  sql: Sql;
  /** Seals tokens and PKCE verifiers (kit/crypto). */
  cipher: CredentialCipher;
  /** Where connection-status notifications are published (kit/notifications over kit/events). */
  bus: EventBus;
  /**
   * The providers this process talks to, keyed by provider id (`profile.provider.id`); a connection's
   * provider must be here to be used. Each subgraph brings its own profile.
   */
  profiles: Readonly<Record<OAuthProvider, OAuthProviderProfile>>;
  /**
   * Sends token, refresh and revoke requests. Deliberately a plain fetch, not the retrying kit/http
   * client: a refresh retried after the provider already rotated the refresh token would fail with
   * `invalid_grant` and disconnect a healthy account. The periodic sweep is the retry. @default fetch
   */
  fetch?: typeof fetch;
  logger?: Logger;
  /** @default () => new Date() */
  now?: () => Date;
  /** Refresh an access token when it expires within this many ms. @default 300000 (5 min) */
  refreshMarginMs?: number;
  /** Timeout of one call to a provider's token endpoint. @default 15000 */
  tokenTimeoutMs?: number;
  /** Where `ionflux_oauth_token_refreshes_total` is counted. @default nowhere */
  registry?: Registry;
  /** Told how each token refresh ended, for the connection's health (kit/health). @default nobody */
  health?: Pick<ConnectionHealth, 'record'>;
}

/** The handle inside `sql.begin(...)`. */
export type Transaction = TransactionSql;

export function nowOf(deps: Pick<OAuthDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}

export function profileOf(deps: Pick<OAuthDeps, 'profiles'>, provider: OAuthProvider): OAuthProviderProfile {
  const profile = deps.profiles[provider];
  if (!profile) throw new Error(`No OAuth profile configured for ${provider}`);
  if (profile.provider.id !== provider) {
    throw new Error(`The OAuth profile under ${provider} is ${profile.provider.id}'s`);
  }
  return profile;
}
