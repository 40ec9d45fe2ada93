import { setTimeout as sleep } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { type CipherFailureReason, cipherFailureReason } from './cipher-error.ts';
import type { CiphertextContext } from './ciphertext-context.ts';
import type { CredentialCipher } from './credential-cipher.ts';
import { type EncryptedColumn, type EncryptedTable, qualifiedTableName } from './encrypted-table.ts';

export interface RotationOptions {
  /**
   * Rows re-encrypted per transaction. Each batch locks only its own rows, for milliseconds, so services
   * keep reading and writing the table while the rotation runs.
   * @default 100
   */
  batchSize?: number;
  /** Count what is due, change nothing. @default false */
  dryRun?: boolean;
  /**
   * Also open every value already under the active key (read-only, no locks) and report those that do
   * not open, which a rotation alone never looks at. @default false
   */
  verify?: boolean;
  /**
   * Sweeps over a column while rows are still due: rows another transaction held locked during a sweep
   * are skipped (`SKIP LOCKED`) and taken by the next one.
   * @default 3
   */
  maxPasses?: number;
  /** Pause before another sweep, giving locked rows time to be released. @default 200 */
  passDelayMs?: number;
  /** Called after each batch, e.g. to print progress. @default none */
  onProgress?: (progress: { table: string; column: string; rotated: number; failed: number }) => void;
}

/** A value that did not open, so it was left as it is. */
export interface RotationFailure {
  rowId: string;
  keyId: string | null;
  reason: CipherFailureReason;
}

export interface ColumnRotation {
  /** `schema.table` */
  table: string;
  /** the ciphertext column */
  column: string;
  /** Values under another key than the active one when the column was started. */
  due: number;
  /** Values re-encrypted under the active key by this run. */
  rotated: number;
  /** Values under the active key opened by `verify` (0 without it). */
  verified: number;
  /** Values that did not open (unknown key id, or tampered / wrong AAD): reported, never skipped silently. */
  failures: RotationFailure[];
  /** Values still not under the active key when the column was finished (failures included). */
  remaining: number;
}

export interface RotationReport {
  activeKeyId: string;
  columns: ColumnRotation[];
  rotated: number;
  verified: number;
  failed: number;
  remaining: number;
}

interface StoredRow extends Record<string, unknown> {
  row_id: string;
  workspace_id: string;
  ciphertext: Buffer;
  key_id: string | null;
}

/**
 * Re-encrypts every value of `tables` not under the cipher's active key, with no downtime: small batches,
 * each one transaction taking its rows `FOR UPDATE SKIP LOCKED`, so readers never wait and a row being
 * refreshed is taken on a later sweep. Every value is opened with the key it names and its own AAD, and
 * sealed again under the active key. Idempotent and resumable: what is done no longer matches the
 * selection, so a second run (or one after an interruption) does only what is left. Only the ciphertext
 * and key-id columns change: the secret is the same, so `version` (optimistic refresh) is left alone.
 *
 * Run it once every service has the new key active (see the rotation procedure in `kit/crypto`); keys
 * being retired must stay in the keyring, as they are what opens the old values.
 *
 * @param tables what to rotate: `kitEncryptedTables` and each subgraph registration's `encryptedTables`
 *   (what `npm run rotate-keys` collects), in the order given.
 */
export async function rotateCredentials(
  db: Database,
  cipher: CredentialCipher,
  tables: readonly EncryptedTable[],
  options: RotationOptions = {},
): Promise<RotationReport> {
  const columns: ColumnRotation[] = [];
  for (const encrypted of tables) {
    for (const column of Object.values<EncryptedColumn>(encrypted.columns)) {
      columns.push(await rotateColumn(db, cipher, encrypted, column, options));
    }
  }
  return {
    activeKeyId: cipher.activeKeyId,
    columns,
    rotated: sum(columns.map((c) => c.rotated)),
    verified: sum(columns.map((c) => c.verified)),
    failed: sum(columns.map((c) => c.failures.length)),
    remaining: sum(columns.map((c) => c.remaining)),
  };
}

async function rotateColumn(
  db: Database,
  cipher: CredentialCipher,
  encrypted: EncryptedTable,
  column: EncryptedColumn,
  options: RotationOptions,
): Promise<ColumnRotation> {
  const table = qualifiedTableName(encrypted.table);
  const columnName = column.ciphertext.name;
  const countDue = async () => {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${encrypted.table} where ${isDue(column, cipher.activeKeyId)}`,
    );
    return row?.n ?? 0;
  };

  const due = await countDue();
  const failures = new Map<string, RotationFailure>();
  let rotated = 0;
  let remaining = due;
  for (
    let pass = 0;
    !options.dryRun && pass < (options.maxPasses ?? 3) && remaining > failures.size;
    pass++
  ) {
    if (pass > 0) await sleep(options.passDelayMs ?? 200);
    const before = rotated;
    rotated += await sweep(db, cipher, encrypted, column, failures, options.batchSize ?? 100, (done) =>
      options.onProgress?.({ table, column: columnName, rotated: before + done, failed: failures.size }),
    );
    remaining = await countDue();
  }
  const verified = options.verify ? await verifyActive(db, cipher, encrypted, column, failures) : 0;
  return { table, column: columnName, due, rotated, verified, failures: [...failures.values()], remaining };
}

/**
 * One pass over the column in primary-key order: each batch, in its own transaction, takes the due rows
 * nobody else holds, opens each with the key it names and seals it again under the active key. Rows that
 * do not open are recorded in `failures` and left as they are. Returns how many were re-encrypted.
 */
async function sweep(
  db: Database,
  cipher: CredentialCipher,
  encrypted: EncryptedTable,
  column: EncryptedColumn,
  failures: Map<string, RotationFailure>,
  batchSize: number,
  onBatch: (doneSoFar: number) => void,
): Promise<number> {
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx.execute<StoredRow>(
        selectSql(encrypted, column, isDue(column, cipher.activeKeyId), after, batchSize, true),
      );
      let sealed = 0;
      for (const row of rows) {
        if (failures.has(row.row_id)) continue;
        const context = contextOf(encrypted, column, row);
        const plaintext = tryOpen(cipher, row, context, failures);
        if (plaintext === undefined) continue;
        const value = cipher.seal(plaintext, context);
        await tx.execute(updateSql(encrypted, column, value.ciphertext, value.keyId, row.row_id, row.key_id));
        sealed++;
      }
      return { size: rows.length, last: rows.at(-1)?.row_id, sealed };
    });
    done += batch.sealed;
    onBatch(done);
    if (batch.size < batchSize || batch.last === undefined) return done;
    after = batch.last;
  }
}

/** Opens every value already under the active key, without locks; failures are recorded. */
async function verifyActive(
  db: Database,
  cipher: CredentialCipher,
  encrypted: EncryptedTable,
  column: EncryptedColumn,
  failures: Map<string, RotationFailure>,
  batchSize = 500,
): Promise<number> {
  const underActive = sql`${column.ciphertext} is not null and ${column.keyId} = ${cipher.activeKeyId}`;
  let opened = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.execute<StoredRow>(
      selectSql(encrypted, column, underActive, after, batchSize, false),
    );
    for (const row of rows) {
      if (tryOpen(cipher, row, contextOf(encrypted, column, row), failures) !== undefined) opened++;
    }
    const last = rows.at(-1)?.row_id;
    if (rows.length < batchSize || last === undefined) return opened;
    after = last;
  }
}

function tryOpen(
  cipher: CredentialCipher,
  row: StoredRow,
  context: CiphertextContext,
  failures: Map<string, RotationFailure>,
): string | undefined {
  try {
    return cipher.open({ ciphertext: row.ciphertext, keyId: row.key_id ?? '' }, context);
  } catch (error) {
    const reason = cipherFailureReason(error);
    if (reason === undefined) throw error;
    failures.set(row.row_id, { rowId: row.row_id, keyId: row.key_id, reason });
    return undefined;
  }
}

function contextOf(encrypted: EncryptedTable, column: EncryptedColumn, row: StoredRow): CiphertextContext {
  return {
    table: qualifiedTableName(encrypted.table),
    column: column.ciphertext.name,
    rowId: row.row_id,
    workspaceId: row.workspace_id,
  };
}

function isDue(column: EncryptedColumn, activeKeyId: string): SQL {
  return sql`${column.ciphertext} is not null and ${column.keyId} is distinct from ${activeKeyId}`;
}

function selectSql(
  encrypted: EncryptedTable,
  column: EncryptedColumn,
  where: SQL,
  after: string | undefined,
  limit: number,
  lock: boolean,
): SQL {
  return sql`
    select ${encrypted.rowId}::text as row_id, ${encrypted.workspaceId}::text as workspace_id,
           ${column.ciphertext} as ciphertext, ${column.keyId} as key_id
    from ${encrypted.table}
    where ${where} ${after === undefined ? sql`` : sql`and ${encrypted.rowId} > ${after}`}
    order by ${encrypted.rowId}
    limit ${limit}
    ${lock ? sql`for update skip locked` : sql``}`;
}

function updateSql(
  encrypted: EncryptedTable,
  column: EncryptedColumn,
  ciphertext: Buffer,
  keyId: string,
  rowId: string,
  previousKeyId: string | null,
): SQL {
  // The key-id guard is redundant with the row lock, and keeps the update correct without it.
  return sql`
    update ${encrypted.table}
    set ${sql.identifier(column.ciphertext.name)} = ${ciphertext}, ${sql.identifier(column.keyId.name)} = ${keyId}
    where ${encrypted.rowId} = ${rowId} and ${column.keyId} is not distinct from ${previousKeyId}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
