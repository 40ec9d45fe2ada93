import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the run's Postgres, so test files never see each other's rows. With an
 * external server the role in DATABASE_URL needs CREATEDB.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `ionflux_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        // PostgreSQL before 16 refuses FORCE while an autovacuum worker is in the database, unless the role
        // may signal it (pg_signal_backend, which .ci/run grants): such a worker ends within seconds.
        for (let attempt = 1; ; attempt++) {
          try {
            await sql.unsafe(`drop database if exists ${name} with (force)`);
            return;
          } catch (error) {
            const insufficientPrivilege = (error as { code?: string }).code === '42501';
            if (!insufficientPrivilege || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      } finally {
        await sql.end();
      }
    },
  };
}
