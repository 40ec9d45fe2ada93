import { IntegrationError } from '../errors/index.ts';

/**
 * Where a sealed value lives. It is the AAD of the encryption: a ciphertext opens only with the same
 * table, column, row and workspace, so one copied to another row (or workspace) does not decrypt. Build it
 * with `contextFor` from the table's encryption descriptor rather than by hand, so the writer, the reader
 * and the rotation agree on every string.
 */
export interface CiphertextContext {
  /** Schema-qualified SQL table name, e.g. `kit.connection_credentials`. */
  table: string;
  /** SQL name of the ciphertext column, e.g. `access_token_ciphertext`. */
  column: string;
  /** The row's primary key as Postgres prints it (lowercase UUID). */
  rowId: string;
  /** The workspace owning the row (lowercase UUID). */
  workspaceId: string;
}

/**
 * The canonical AAD bytes of a context: a JSON array with a fixed field order, led by a label and the
 * format version (so the version byte of the stored value is authenticated too). JSON string escaping
 * makes the encoding unambiguous: no choice of field values can collide with another.
 */
export function encodeContext(version: number, context: CiphertextContext): Buffer {
  const fields = [context.table, context.column, context.rowId, context.workspaceId];
  if (fields.some((field) => typeof field !== 'string' || field === '')) {
    // A missing row id would bind every row to the same AAD: a caller bug, refused loudly.
    throw new IntegrationError(
      'INTERNAL',
      'A ciphertext context needs a table, column, row id and workspace id',
      {
        details: { reason: 'invalid_context' },
      },
    );
  }
  return Buffer.from(JSON.stringify(['ionflux-credential', version, ...fields]), 'utf8');
}
