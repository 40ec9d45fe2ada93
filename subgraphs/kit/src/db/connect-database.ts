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
  /**
   * Seconds a new connection may take to be established before the queries waiting on it fail with
   * `CONNECT_TIMEOUT` (postgres.js's own default is 30): the bound on how long a request waits when the
   * database's host drops packets instead of refusing. A refused connection fails at once either way.
   * @default 5
   */
  connectTimeoutSeconds?: number;
  /**
   * The longest pause before the pool dials again after failed connection attempts. postgres.js grows the
   * pause by 3^failures (to 20 s) across the whole pool, and a query waits out the pause before its
   * connection is even attempted: after a few seconds of outage every request took about 2 s to fail,
   * then longer. Capped, a request fails within this long while the database is down, and the first ones
   * after it is back succeed within it.
   * @default 0.2
   */
  reconnectBackoffMaxSeconds?: number;
}

/** Opens a pooled postgres.js connection with a drizzle handle over it. The URL never reaches logs. */
export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    backoff: reconnectBackoff(options.reconnectBackoffMaxSeconds ?? 0.2),
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

/**
 * postgres.js's backoff (seconds before dialling again after `failures` failed attempts), growing from
 * 20 ms and capped at `maxSeconds`; jittered so the pool's connections do not dial in step.
 */
export function reconnectBackoff(maxSeconds: number): (failures: number) => number {
  return (failures) => (0.5 + Math.random() / 2) * Math.min(0.02 * 2 ** failures, maxSeconds);
}
