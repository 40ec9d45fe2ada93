// `npm run db:migrate`: applies every pending migration, then exits: the table sets of the kit and of
// each subgraph (drizzle/migrations/<set>) and the job queue's schema (graphile-worker). What the
// Kubernetes migration Job and compose's `migrate` service run before the services roll out. The
// services still migrate at start, under the same advisory locks, so they find nothing left to do, and
// running this beside running services is safe.
//
// `npm run db:migrate -- --wait [--timeout <seconds>]` applies nothing: it waits until no table-set
// migration this build ships is pending (what a pod's init container runs, so a new version starts only
// once the Job has migrated the database), and exits 1 naming what is still pending after the timeout.
//
// Exit codes: 0 done, 1 migration failed or wait timed out, 2 bad arguments or configuration.
import { parseArgs } from 'node:util';
import { migrationSet, type TableSet, tableSets } from '@ionflux/drizzle/migrations';
import { ConfigError, commonEnv, parseEnv, subgraphEnv } from '@ionflux/kit/config';
import { migrateDatabase } from '@ionflux/kit/db';
import { createJobQueue } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { z } from 'zod';

const migrateEnvSchema = z.object({
  DATABASE_URL: subgraphEnv.DATABASE_URL,
  LOG_LEVEL: commonEnv.LOG_LEVEL,
});

export type MigrateConfig = z.output<typeof migrateEnvSchema>;

/** Reads the migration command's env (`DATABASE_URL`, `LOG_LEVEL`), failing with every bad key named. */
export function parseMigrateConfig(env: Readonly<Record<string, string | undefined>>): MigrateConfig {
  return parseEnv('migrate', migrateEnvSchema, env);
}

/** A table set with migrations this build ships that the database has not applied. */
export interface PendingSet {
  set: TableSet;
  /** Migrations not applied yet, oldest first (their folder's timestamp, as drizzle orders them). */
  pending: number;
  shipped: number;
}

/**
 * The table sets with pending migrations, read as drizzle's migrator decides what to apply: each
 * migration newer than the last one recorded in `drizzle.__migrations_<set>`.
 */
export async function pendingMigrations(databaseUrl: string): Promise<PendingSet[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const result: PendingSet[] = [];
    for (const set of tableSets) {
      const shipped = readMigrationFiles({ migrationsFolder: migrationSet(set).folder });
      const table = `__migrations_${set}`;
      const [exists] = await sql<{ found: boolean }[]>`
        select to_regclass(${`drizzle.${table}`}) is not null as found`;
      const [last] = exists?.found
        ? await sql<{ createdAt: string | null }[]>`
            select max(created_at)::text as "createdAt" from drizzle.${sql(table)}`
        : [];
      const lastApplied = last?.createdAt ? Number(last.createdAt) : undefined;
      const pending = shipped.filter((m) => lastApplied === undefined || lastApplied < m.folderMillis).length;
      if (pending > 0) result.push({ set, pending, shipped: shipped.length });
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const usage = 'usage: npm run db:migrate [-- --wait [--timeout <seconds>]]';

async function main(): Promise<number> {
  let values: { wait?: boolean; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        wait: { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`migrate: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const timeoutSeconds = Number(values.timeout ?? 300);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 0 || (values.timeout && !values.wait)) {
    console.error(`migrate: --timeout takes whole seconds and goes with --wait\n${usage}`);
    return 2;
  }
  let config: MigrateConfig;
  try {
    config = parseMigrateConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 2;
  }
  try {
    return values.wait ? await waitForMigrations(config, timeoutSeconds) : await applyMigrations(config);
  } catch (error) {
    console.error(`migrate: failed: ${describe(error)}`);
    return 1;
  }
}

async function applyMigrations(config: MigrateConfig): Promise<number> {
  const startedAt = Date.now();
  const before = await pendingMigrations(config.DATABASE_URL);
  await migrateDatabase(
    config.DATABASE_URL,
    tableSets.map((set) => migrationSet(set)),
  );
  // createJobQueue installs or upgrades graphile-worker's schema under its own advisory lock; its pool
  // opens no connection until a job is enqueued.
  const logger = createLogger({ service: 'migrate', level: config.LOG_LEVEL });
  const queue = await createJobQueue({ databaseUrl: config.DATABASE_URL, logger, maxConnections: 1 });
  await queue.close();
  const after = await pendingMigrations(config.DATABASE_URL);
  if (after.length > 0) {
    console.error(`migrate: still pending after migrating: ${describePending(after)}`);
    return 1;
  }
  const applied = before.map((p) => `${p.set} ${p.pending}`).join(', ') || 'none (already up to date)';
  console.log(
    `migrate: table sets ${tableSets.join(', ')} and the job queue schema are up to date; applied: ` +
      `${applied} (${Date.now() - startedAt} ms)`,
  );
  return 0;
}

async function waitForMigrations(config: MigrateConfig, timeoutSeconds: number): Promise<number> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let reported = '';
  for (;;) {
    let state: string;
    try {
      const pending = await pendingMigrations(config.DATABASE_URL);
      if (pending.length === 0) {
        console.log(`migrate: every migration of ${tableSets.join(', ')} is applied`);
        return 0;
      }
      state = `pending: ${describePending(pending)}`;
    } catch (error) {
      // The database may not accept connections yet (it starts beside us); keep waiting.
      state = `database not reachable: ${describe(error)}`;
    }
    if (state !== reported) {
      console.log(`migrate: waiting for the migration Job; ${state}`);
      reported = state;
    }
    if (Date.now() >= deadline) {
      console.error(
        `migrate: gave up after ${timeoutSeconds} s; ${state}. Run \`npm run db:migrate\` (the migration ` +
          'Job) against this database, or look at why it failed.',
      );
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, Math.max(0, deadline - Date.now()))));
  }
}

function describePending(pending: readonly PendingSet[]): string {
  return pending.map((p) => `${p.set} ${p.pending} of ${p.shipped}`).join(', ');
}

/** The message, with the underlying cause (drizzle wraps a connection error in "Failed query: …"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (cause: ${cause})` : error.message;
}

if (import.meta.main) process.exit(await main());
