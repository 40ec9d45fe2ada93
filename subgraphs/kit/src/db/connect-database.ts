import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Sql = postgres.Sql;
export type Database = PostgresJsDatabase;

export interface DatabaseHandle {
  sql: Sql;
  db: Database;
  /** Resolves true when the database answers a trivial query within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** @default 10 */
  maxConnections?: number;
  /** Tag connections in pg_stat_activity. */
  applicationName?: string;
  /**
   * `false` sets `synchronous_commit = off` on the pool's connections: a commit returns before its WAL
   * reaches disk (still visible to every session at once, and surviving any crash of this process), and
   * only a crash of PostgreSQL itself within about 0.6 s (3 × `wal_writer_delay`) can lose it. For
   * high-rate writes whose loss in that event is acceptable, never for credentials or deliveries.
   * @default true
   */
  synchronousCommit?: boolean;
}

/** Opens a pooled postgres.js connection with a drizzle handle over it. The URL never reaches logs. */
export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? 'ionflux',
      ...(options.synchronousCommit === false ? { synchronous_commit: 'off' } : {}),
    },
  });
  const db = drizzle(sql);
  return {
    sql,
    db,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([sql`select 1`.then(() => true as const), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
