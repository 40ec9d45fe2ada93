import postgres from 'postgres';

/** Prefix of the `application_name` a live worker pool's presence session carries. */
export const PRESENCE_PREFIX = 'ionflux-jobs:';

/** The session that shows other workers a pool is alive; see {@link openWorkerPresence}. */
export interface WorkerPresence {
  poolId: string;
  /** One connection, the presence session itself; also fine for the pool's own bookkeeping queries. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Opens the session that is the liveness signal of a graphile-worker pool: a connection whose
 * `application_name` is `ionflux-jobs:<pool id>`, visible in `pg_stat_activity` to every worker.
 *
 * Why a session and not a heartbeat row: PostgreSQL ends the session the moment the process dies
 * (SIGKILL or crash close its socket), so a dead pool disappears at once, with no clock, no table and
 * no heartbeat interval to tune. A lost machine (no FIN ever arrives) is caught by server-side TCP
 * keepalives set here: about 15 s idle + 3 probes 5 s apart. The connection never expires by age
 * (`max_lifetime: null`): a gap while it reconnects would look like death. `application_name` is
 * visible in `pg_stat_activity` across roles (checked), so services connecting as different roles
 * still see each other's pools.
 *
 * A presence lost while its process lives (a database restart) comes back at the pool's next query on
 * it, the recovery loop's next look; in that gap another worker may rerun the pool's running jobs,
 * which idempotent tasks tolerate.
 */
export async function openWorkerPresence(databaseUrl: string, poolId: string): Promise<WorkerPresence> {
  const sql = postgres(databaseUrl, {
    max: 1,
    max_lifetime: null,
    idle_timeout: 0,
    onnotice: () => {},
    connection: {
      application_name: `${PRESENCE_PREFIX}${poolId}`,
      tcp_keepalives_idle: 15,
      tcp_keepalives_interval: 5,
      tcp_keepalives_count: 3,
    },
  });
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw error;
  }
  return { poolId, sql, close: () => sql.end({ timeout: 5 }) };
}
