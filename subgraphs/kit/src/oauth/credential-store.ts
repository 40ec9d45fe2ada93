import { connectionCredentialsEncryption } from '@ionflux/drizzle/kit';
import { type CiphertextContext, type CredentialCipher, contextFor } from '../crypto/index.ts';
import { readTimestamp, type Sql, type StoredTimestamp, timestampParam } from '../db/index.ts';
import type { Transaction } from './oauth-deps.ts';
import type { TokenSet } from './provider-profile.ts';

/** `kit.connection_credentials` as stored: ciphertexts only. */
export interface CredentialRow {
  connection_id: string;
  workspace_id: string;
  access_token_ciphertext: Buffer;
  access_token_key_id: string;
  access_token_expires_at: Date | null;
  refresh_token_ciphertext: Buffer | null;
  refresh_token_key_id: string | null;
  refresh_token_expires_at: Date | null;
  version: number;
  refresh_failures: number;
}

/** A credential opened for one use; never stored, never logged. */
export interface OpenedCredential {
  accessToken: string;
  refreshToken: string | undefined;
  accessTokenExpiresAt: Date | null;
  version: number;
}

function context(
  row: { connection_id: string; workspace_id: string },
  column: 'accessToken' | 'refreshToken',
): CiphertextContext {
  return contextFor(connectionCredentialsEncryption, column, {
    rowId: row.connection_id,
    workspaceId: row.workspace_id,
  });
}

export async function readCredential(
  sql: Sql,
  connectionId: string,
  workspaceId: string,
): Promise<CredentialRow | undefined> {
  const rows = await sql<StoredCredentialRow[]>`
    select connection_id, workspace_id, access_token_ciphertext, access_token_key_id, access_token_expires_at,
           refresh_token_ciphertext, refresh_token_key_id, refresh_token_expires_at, version, refresh_failures
    from kit.connection_credentials where connection_id = ${connectionId} and workspace_id = ${workspaceId}`;
  const row = rows[0];
  return row && toCredentialRow(row);
}

/** A credential row as raw SQL returns it: timestamps as `Date` or text, depending on the pool. */
export type StoredCredentialRow = Omit<
  CredentialRow,
  'access_token_expires_at' | 'refresh_token_expires_at'
> & {
  access_token_expires_at: StoredTimestamp | null;
  refresh_token_expires_at: StoredTimestamp | null;
};

/** A credential row with its timestamps as `Date`s (extra columns kept). */
export function toCredentialRow<Row extends StoredCredentialRow>(
  row: Row,
): Omit<Row, 'access_token_expires_at' | 'refresh_token_expires_at'> &
  Pick<CredentialRow, 'access_token_expires_at' | 'refresh_token_expires_at'> {
  return {
    ...row,
    access_token_expires_at: readTimestamp(row.access_token_expires_at),
    refresh_token_expires_at: readTimestamp(row.refresh_token_expires_at),
  };
}

export function openCredential(cipher: CredentialCipher, row: CredentialRow): OpenedCredential {
  const accessToken = cipher.open(
    { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id },
    context(row, 'accessToken'),
  );
  const refreshToken =
    row.refresh_token_ciphertext && row.refresh_token_key_id
      ? cipher.open(
          { ciphertext: row.refresh_token_ciphertext, keyId: row.refresh_token_key_id },
          context(row, 'refreshToken'),
        )
      : undefined;
  return {
    accessToken,
    refreshToken,
    accessTokenExpiresAt: row.access_token_expires_at,
    version: row.version,
  };
}

const after = (now: Date, seconds: number | undefined) =>
  seconds === undefined ? null : timestampParam(new Date(now.getTime() + seconds * 1000));

/**
 * Seals and stores the tokens of a connection (insert or replace), bumping `version` so concurrent
 * refreshers can tell that someone else already refreshed. A refresh that returns no new refresh token
 * keeps the stored one (providers may or may not rotate it; Nango #6136 is what forgetting that costs).
 */
export async function writeCredential(
  sql: Transaction,
  cipher: CredentialCipher,
  target: { connectionId: string; workspaceId: string },
  tokens: TokenSet,
  now: Date,
  /** `refresh` keeps the stored refresh token when the answer has none; `authorize` replaces everything. */
  mode: 'authorize' | 'refresh',
): Promise<void> {
  const keep = mode === 'refresh';
  const row = { connection_id: target.connectionId, workspace_id: target.workspaceId };
  const access = cipher.seal(tokens.accessToken, context(row, 'accessToken'));
  const refresh =
    tokens.refreshToken === undefined
      ? undefined
      : cipher.seal(tokens.refreshToken, context(row, 'refreshToken'));
  const at = timestampParam(now);
  await sql`
    insert into kit.connection_credentials as c (connection_id, workspace_id, access_token_ciphertext,
      access_token_key_id, access_token_expires_at, refresh_token_ciphertext, refresh_token_key_id,
      refresh_token_expires_at, token_type, version, refreshed_at, refresh_failures, last_refresh_error,
      created_at, updated_at)
    values (${target.connectionId}, ${target.workspaceId}, ${access.ciphertext}, ${access.keyId},
      ${after(now, tokens.expiresIn)}::timestamptz, ${refresh?.ciphertext ?? null}, ${refresh?.keyId ?? null},
      ${after(now, tokens.refreshExpiresIn)}::timestamptz, ${tokens.tokenType ?? null}, 1, ${at}::timestamptz, 0,
      null, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (connection_id) do update set
      access_token_ciphertext = excluded.access_token_ciphertext,
      access_token_key_id = excluded.access_token_key_id,
      access_token_expires_at = excluded.access_token_expires_at,
      refresh_token_ciphertext = case when ${keep} and excluded.refresh_token_ciphertext is null
        then c.refresh_token_ciphertext else excluded.refresh_token_ciphertext end,
      refresh_token_key_id = case when ${keep} and excluded.refresh_token_ciphertext is null
        then c.refresh_token_key_id else excluded.refresh_token_key_id end,
      refresh_token_expires_at = case when ${keep} and excluded.refresh_token_ciphertext is null
        then c.refresh_token_expires_at else excluded.refresh_token_expires_at end,
      token_type = coalesce(excluded.token_type, c.token_type),
      version = c.version + 1,
      refreshed_at = excluded.refreshed_at,
      refresh_failures = 0,
      last_refresh_error = null,
      updated_at = excluded.updated_at
    where c.workspace_id = excluded.workspace_id`;
}
