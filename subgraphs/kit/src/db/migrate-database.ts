import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export interface MigrationSet {
  /** Names the set's bookkeeping table, e.g. `kit` → `drizzle.__migrations_kit`. */
  name: string;
  /** Folder of SQL migrations drizzle-kit generated for this set. */
  folder: string;
}

// Any constant works; it only has to be the same in every IONFLUX process.
const MIGRATION_LOCK_ID = 7_244_031_901;

/**
 * Applies pending migrations of each set, in order. drizzle's migrator takes no lock, so processes that
 * start together would race on the same DDL; a session advisory lock on a dedicated connection makes
 * them take turns, and the later ones find nothing left to apply.
 */
export async function migrateDatabase(url: string, sets: readonly MigrationSet[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    const db = drizzle(sql);
    for (const set of sets) {
      await migrate(db, {
        migrationsFolder: set.folder,
        migrationsSchema: 'drizzle',
        migrationsTable: `__migrations_${set.name}`,
      });
    }
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}
