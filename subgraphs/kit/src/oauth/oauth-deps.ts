import type { Logger } from 'pino';
import type { TransactionSql } from 'postgres';
import type { Sql } from '../db/index.ts';
import type { OAuthProvider, OAuthProviderProfile } from './provider-profile.ts';

/** Where a ciphertext belongs; the AAD of kit/crypto's envelope encryption. */
export interface CiphertextContext {
  table: string;
  column: string;
  rowId: string;
  workspaceId: string;
}

export interface SealedValue {
  ciphertext: Buffer;
  keyId: string;
}

/** What the OAuth module needs of kit/crypto's `CredentialCipher` (which satisfies it). */
export interface CredentialSealer {
  seal(plaintext: string, context: CiphertextContext): SealedValue;
  open(sealed: SealedValue, context: CiphertextContext): string;
}

export type ConnectionStatusChange =
  | 'CONNECTED'
  | 'NEEDS_REAUTH'
  | 'DISCONNECTED'
  | 'UNINSTALLED'
  | 'DEGRADED'
  | 'RECOVERED';

export interface ConnectionStatusNotice {
  workspaceId: string;
  provider: OAuthProvider;
  connectionId: string;
  accountLabel: string;
  status: ConnectionStatusChange;
  reason?: string;
}

/**
 * Tells the workspace a connection changed state; `tx` makes the notification part of the caller's
 * transaction. Wire it to kit/notifications:
 * `(notice, options) => notifyConnectionStatus({ sql, bus }, notice, options)`.
 */
export type ConnectionStatusNotifier = (
  notice: ConnectionStatusNotice,
  options?: { tx?: Transaction },
) => Promise<unknown>;

/** The handle inside `sql.begin(...)`. */
export type Transaction = TransactionSql;

/** Everything the OAuth functions use, passed explicitly (no module state reads env). */
export interface OAuthDeps {
  sql: Sql;
  cipher: CredentialSealer;
  notify: ConnectionStatusNotifier;
  /** The providers this process talks to; a connection's provider must be here to be used. */
  profiles: Partial<Record<OAuthProvider, OAuthProviderProfile>>;
  /** Sends token, refresh and revoke requests. @default globalThis.fetch */
  fetch?: typeof fetch;
  logger?: Logger;
  /** @default () => new Date() */
  now?: () => Date;
  /** Refresh an access token when it expires within this many ms. @default 300000 (5 min) */
  refreshMarginMs?: number;
  /** Timeout of one call to a provider's token endpoint. @default 15000 */
  tokenTimeoutMs?: number;
}

export function nowOf(deps: OAuthDeps): Date {
  return deps.now ? deps.now() : new Date();
}

export function profileOf(deps: OAuthDeps, provider: OAuthProvider): OAuthProviderProfile {
  const profile = deps.profiles[provider];
  if (!profile) throw new Error(`No OAuth profile configured for ${provider}`);
  return profile;
}
