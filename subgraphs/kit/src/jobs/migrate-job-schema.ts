import { runMigrations } from 'graphile-worker';
import postgres from 'postgres';
import type { Logger } from '../logging/index.ts';
import { toGraphileLogger } from './graphile-logger.ts';

// Any constant works; it only has to be the same in every IONFLUX process (and differ from the
// drizzle migration lock, so the two kinds of migration do not wait for each other).
const JOB_SCHEMA_LOCK_ID = 7_244_031_902;

/**
 * Installs or upgrades graphile-worker's schema. Processes that start together take turns under a
 * session advisory lock held on a side connection: graphile-worker copes with concurrent migrators by
 * failing and retrying, which is noisy in the logs and slow.
 */
export async function migrateJobSchema(databaseUrl: string, logger: Logger): Promise<void> {
  const lock = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${JOB_SCHEMA_LOCK_ID})`;
    await runMigrations({ connectionString: databaseUrl, logger: toGraphileLogger(logger) });
  } finally {
    await lock`select pg_advisory_unlock(${JOB_SCHEMA_LOCK_ID})`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}
