import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { integrationConnections } from './connections.ts';
import { bytea, kit } from './kit-schema.ts';

/**
 * The OAuth tokens of a connection, envelope-encrypted (kit/crypto): each secret column has its
 * ciphertext and the id of the key that sealed it; the AAD binds it to this table, column, row
 * (connection id) and workspace, so a ciphertext copied elsewhere does not decrypt.
 */
export const connectionCredentials = kit.table('connection_credentials', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => integrationConnections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  accessTokenCiphertext: bytea('access_token_ciphertext').notNull(),
  accessTokenKeyId: text('access_token_key_id').notNull(),
  /** When the access token expires; null for tokens that do not (Shopify offline tokens). */
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenCiphertext: bytea('refresh_token_ciphertext'),
  refreshTokenKeyId: text('refresh_token_key_id'),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  tokenType: text('token_type'),
  /** Bumped on every token change; lets a refresher tell whether someone else already refreshed. */
  version: integer('version').notNull().default(1),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  /** Consecutive failed refreshes; reset by a successful one. */
  refreshFailures: integer('refresh_failures').notNull().default(0),
  lastRefreshError: text('last_refresh_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ConnectionCredentialsRow = typeof connectionCredentials.$inferSelect;

/**
 * The envelope-encrypted columns of `kit.connection_credentials` (kit/crypto): each ciphertext column with
 * its key-id column, and the columns naming the row in the AAD. Seal with `contextFor(this, 'accessToken',
 * row)`; `npm run rotate-keys` re-encrypts these columns.
 */
export const connectionCredentialsEncryption = {
  table: connectionCredentials,
  rowId: connectionCredentials.connectionId,
  workspaceId: connectionCredentials.workspaceId,
  columns: {
    accessToken: {
      ciphertext: connectionCredentials.accessTokenCiphertext,
      keyId: connectionCredentials.accessTokenKeyId,
    },
    refreshToken: {
      ciphertext: connectionCredentials.refreshTokenCiphertext,
      keyId: connectionCredentials.refreshTokenKeyId,
    },
  },
} as const;
