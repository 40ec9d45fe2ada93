import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMigrateConfig } from '../../scripts/migrate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run db:migrate` as the migration Job runs it: `node scripts/migrate.ts`, in a process of its own. */
function migrate(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/migrate.ts', ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run db:migrate (scripts/migrate.ts)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('--wait on a fresh database gives up after its timeout with exit 1, naming every pending set', async () => {
    const run = await migrate(['--wait', '--timeout', '1'], { DATABASE_URL: database.url });
    expect(run.code).toBe(1);
    for (const set of ['kit', 'llm', 'shopify', 'tiktok'])
      expect(run.stderr).toMatch(new RegExp(`${set} \\d+ of`));
    expect(run.stderr).toContain('gave up after 1 s');
  });

  it('applies every table set and the job queue schema while a --wait started before it returns 0', async () => {
    const waiting = migrate(['--wait', '--timeout', '60'], { DATABASE_URL: database.url });
    const run = await migrate([], { DATABASE_URL: database.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/applied: kit \d+, llm \d+, shopify \d+, tiktok \d+ \(/);

    const waited = await waiting;
    expect(waited.code).toBe(0);
    expect(waited.stdout).toContain('every migration of kit, llm, shopify, tiktok is applied');

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const schemas = await sql<{ name: string }[]>`
        select nspname as name from pg_namespace
        where nspname in ('kit', 'llm', 'shopify', 'tiktok', 'drizzle', 'graphile_worker') order by 1`;
      expect(schemas.map((s) => s.name)).toEqual([
        'drizzle',
        'graphile_worker',
        'kit',
        'llm',
        'shopify',
        'tiktok',
      ]);
      // The job queue's tables exist (empty).
      const [jobs] = await sql<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs`;
      expect(jobs?.n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('finds nothing to do when run again, and --wait returns at once', async () => {
    const again = await migrate([], { DATABASE_URL: database.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('applied: none (already up to date)');
    const waited = await migrate(['--wait', '--timeout', '0'], { DATABASE_URL: database.url });
    expect(waited.code).toBe(0);
  });

  it('refuses a bad DATABASE_URL with exit 2 naming the key, and bad arguments with the usage', async () => {
    const badUrl = await migrate([], { DATABASE_URL: 'mysql://user@host/db' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('DATABASE_URL: DATABASE_URL must be a postgres:// URL');
    const missing = await migrate([], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DATABASE_URL is required');
    const badTimeout = await migrate(['--wait', '--timeout', 'soon'], { DATABASE_URL: database.url });
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain('usage: npm run db:migrate');
  });

  it('fails with exit 1 and the cause when the database cannot be reached, without the password', async () => {
    const run = await migrate([], { DATABASE_URL: 'postgres://app:hunter2-secret@127.0.0.1:1/app' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/migrate: failed: .*ECONNREFUSED/);
    expect(run.stderr + run.stdout).not.toContain('hunter2-secret');
  });

  it('exports the env parser the deploy tests check the Job against', () => {
    expect(parseMigrateConfig({ DATABASE_URL: 'postgres://a:b@db:5432/app' })).toEqual({
      DATABASE_URL: 'postgres://a:b@db:5432/app',
      LOG_LEVEL: 'info',
    });
  });
});
