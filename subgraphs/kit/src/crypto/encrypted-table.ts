import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { CiphertextContext } from './ciphertext-context.ts';

/** A ciphertext column and the column holding the id of the key that sealed it. */
export interface EncryptedColumn {
  readonly ciphertext: PgColumn;
  readonly keyId: PgColumn;
}

/**
 * What a table with envelope-encrypted columns declares next to its definition (e.g.
 * `connectionCredentialsEncryption` in `@ionflux/drizzle/kit`): the table, the columns naming a row in
 * the AAD, and its encrypted columns by name.
 */
export interface EncryptedTable<ColumnName extends string = string> {
  readonly table: PgTable;
  readonly rowId: PgColumn;
  readonly workspaceId: PgColumn;
  readonly columns: Readonly<Record<ColumnName, EncryptedColumn>>;
}

/** The row fields the AAD binds: its primary key and its workspace, as strings. */
export interface CiphertextRow {
  rowId: string;
  workspaceId: string;
}

/**
 * The AAD context of one encrypted column of one row, derived from the table's descriptor so writers,
 * readers and `rotateCredentials` build the same strings:
 * `contextFor(connectionCredentialsEncryption, 'accessToken', { rowId: connectionId, workspaceId })`.
 */
export function contextFor<ColumnName extends string>(
  encrypted: EncryptedTable<ColumnName>,
  column: NoInfer<ColumnName>,
  row: CiphertextRow,
): CiphertextContext {
  return {
    table: qualifiedTableName(encrypted.table),
    column: encrypted.columns[column].ciphertext.name,
    rowId: row.rowId,
    workspaceId: row.workspaceId,
  };
}

/** `schema.table`, as the AAD and reports name a table. */
export function qualifiedTableName(table: PgTable): string {
  const { schema, name } = getTableConfig(table);
  return schema ? `${schema}.${name}` : name;
}
