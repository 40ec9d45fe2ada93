import { sql } from 'drizzle-orm';
import { check, index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { connectionOwnerType, providerIdFormat } from './connections.ts';
import { bytea, kit } from './kit-schema.ts';

/**
 * A pending OAuth authorization (spec 4.C): single-use, expiring, bound to who started it and what
 * they asked for. Only a SHA-256 of the state travels back to compare with, and the PKCE verifier is
 * envelope-encrypted, so a database reader can neither forge a callback nor redeem a code.
 */
export const oauthStates = kit.table(
  'oauth_states',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 (hex) of the random state sent to the provider. */
    stateHash: text('state_hash').notNull().unique(),
    provider: text('provider').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    ownerType: connectionOwnerType('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The account the flow is for when known up front, e.g. the shop domain. */
    accountHint: text('account_hint'),
    /** Set when the flow adds scopes to an existing connection (incremental authorization). */
    connectionId: uuid('connection_id'),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    codeVerifierCiphertext: bytea('code_verifier_ciphertext'),
    codeVerifierKeyId: text('code_verifier_key_id'),
    redirectUri: text('redirect_uri').notNull(),
    /** Where the user's browser goes after the callback, with the outcome. */
    returnUrl: text('return_url'),
    /**
     * SHA-256 (hex) of the nonce in the signed cookie the start route set in the browser that opened it
     * (kit/oauth `beginBrowserAuthorization`); the callback must bring that cookie. Null until started.
     */
    browserBindingHash: text('browser_binding_hash'),
    /** When the start route was opened; it opens once. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('oauth_states_expires_idx').on(t.expiresAt),
    check('oauth_states_provider_format', providerIdFormat(t.provider)),
  ],
);

export type OAuthStateRow = typeof oauthStates.$inferSelect;

/**
 * The envelope-encrypted column of `kit.oauth_states` (kit/crypto): the PKCE code verifier. Seal with
 * `contextFor(this, 'codeVerifier', row)`; `npm run rotate-keys` re-encrypts it.
 */
export const oauthStatesEncryption = {
  table: oauthStates,
  rowId: oauthStates.id,
  workspaceId: oauthStates.workspaceId,
  columns: {
    codeVerifier: { ciphertext: oauthStates.codeVerifierCiphertext, keyId: oauthStates.codeVerifierKeyId },
  },
} as const;
