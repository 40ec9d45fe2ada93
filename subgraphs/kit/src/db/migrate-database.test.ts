import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate-database.ts';

const allSets = [migrationSet('kit'), migrationSet('llm'), migrationSet('shopify'), migrationSet('tiktok')];

describe('migrateDatabase', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('applies every set once when eight processes’ worth of migrators start together', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => migrateDatabase(database.url, allSets)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const sql = postgres(database.url, { max: 1 });
    try {
      const tables = await sql<{ name: string }[]>`
        select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema in ('kit', 'llm', 'shopify', 'tiktok') order by 1`;
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'kit.integration_connections',
          'kit.connection_credentials',
          'llm.workspace_provider_keys',
          'shopify.shops',
          'tiktok.accounts',
        ]),
      );
      for (const set of ['kit', 'llm', 'shopify', 'tiktok']) {
        const applied =
          await sql`select count(*)::int as n from ${sql(`drizzle`)}.${sql(`__migrations_${set}`)}`;
        expect(applied[0]?.['n'], set).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await sql.end();
    }
  });

  it('is a no-op when run again', async () => {
    await expect(migrateDatabase(database.url, allSets)).resolves.toBeUndefined();
  });
});
