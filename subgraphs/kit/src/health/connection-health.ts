import type { IntegrationProvider } from '../connections/index.ts';
import { readTimestamp, type Sql, type StoredTimestamp, timestampParam } from '../db/index.ts';
import type { EventBus, Queryable } from '../events/index.ts';
import type { Logger } from '../logging/index.ts';
import { type ConnectionChange, notifyConnectionStatus } from '../notifications/index.ts';
import { deriveHealth } from './derive-health.ts';
import type { ConnectionHealthSettings } from './health-settings.ts';

/** How one provider call through a connection ended. */
export type CallOutcome = { ok: true } | { ok: false; code: string };

/** Records calls through connections; their health follows (see {@link createConnectionHealth}). */
export interface ConnectionHealth {
  /** Records one call (`api`) or token refresh (`refresh`); cheap, written with others shortly after. */
  record(connectionId: string, outcome: CallOutcome, kind?: 'api' | 'refresh'): void;
  /** Writes what was recorded and re-evaluates those connections now (tests, shutdown). */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

export interface ConnectionHealthDeps {
  sql: Sql;
  bus: EventBus;
  logger: Logger;
  settings: ConnectionHealthSettings;
  /** The providers whose connections this process calls, by id: the notifications' words come from them. */
  providers: Readonly<Record<string, IntegrationProvider>>;
  /** How long recorded calls wait to be written together. @default 500 */
  flushAfterMs?: number;
  /** Told of each health change (the metrics' transition counter). @default none */
  onTransition?(provider: string, to: 'HEALTHY' | 'DEGRADED'): void;
}

interface PendingCall {
  connectionId: string;
  at: Date;
  ok: boolean;
  code: string | null;
  kind: 'api' | 'refresh';
}

interface EvaluatedRow {
  id: string;
  workspace_id: string;
  provider: string;
  account_id: string;
  display_name: string | null;
  status: string;
  health: string;
  calls: number;
  failures: number;
  recent_ok: boolean | null;
  codes: string[];
  last_ok: StoredTimestamp | null;
  last_failed: StoredTimestamp | null;
}

/** Most calls kept in memory between flushes; past it the oldest are dropped (and logged), not the process. */
const MAX_PENDING = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Connection health (spec 4.E) from the calls themselves. Each call through a connection is recorded in
 * memory and written within `flushAfterMs` with the others (one insert), then each connection touched is
 * re-evaluated in the same transaction, its row locked so that instances evaluating it at once take
 * turns: the window's counts, error codes and last success are stored on the connection, and its health
 * is derived ({@link deriveHealth}). A CONNECTED connection whose health changes gets a `DEGRADED` or
 * `RECOVERED` notification, stored and published in that transaction, exactly once however many
 * instances saw the calls. Calls older than the window are deleted as the connection is evaluated.
 */
export function createConnectionHealth(deps: ConnectionHealthDeps): ConnectionHealth {
  const { sql, logger, settings } = deps;
  const windowSeconds = settings.IONFLUX_HEALTH_WINDOW_SECONDS;
  let pending: PendingCall[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    // One flush at a time, in order: a connection is never evaluated before its earlier calls are in.
    writing = writing.then(() => (batch.length > 0 ? write(batch) : undefined));
    return writing;
  };

  async function write(batch: readonly PendingCall[]): Promise<void> {
    try {
      const ids = [...new Set(batch.map((call) => call.connectionId))];
      await sql.begin(async (tx) => {
        // A connection deleted meanwhile has no row to refer to: its calls are dropped by the join.
        await tx`
          insert into kit.connection_calls (connection_id, at, ok, code, kind)
          select c.connection_id, c.at, c.ok, nullif(c.code, ''), c.kind
          from unnest(${tx.array(batch.map((c) => c.connectionId))}::uuid[],
                      ${tx.array(batch.map((c) => timestampParam(c.at)))}::timestamptz[],
                      ${tx.array(batch.map((c) => c.ok))}::boolean[],
                      ${tx.array(batch.map((c) => c.code ?? ''))}::text[],
                      ${tx.array(batch.map((c) => c.kind))}::text[]) as c(connection_id, at, ok, code, kind)
          join kit.integration_connections i on i.id = c.connection_id`;
        await tx`
          delete from kit.connection_calls
          where connection_id = any(${tx.array(ids)}::uuid[])
            and at < now() - make_interval(secs => ${windowSeconds})`;
        await evaluate(tx, ids);
      });
    } catch (error) {
      logger.warn({ err: error, calls: batch.length }, 'connection health could not be recorded');
    }
  }

  async function evaluate(tx: Queryable, ids: readonly string[]): Promise<void> {
    const rows = await tx<EvaluatedRow[]>`
      select c.id, c.workspace_id, c.provider, c.account_id, c.display_name, c.status, c.health,
        w.calls, w.failures, w.last_ok, w.last_failed,
        array(select k.code from kit.connection_calls k
              where k.connection_id = c.id and not k.ok
                and k.at > now() - make_interval(secs => ${windowSeconds})
              group by k.code order by count(*) desc, k.code limit 5) as codes,
        (select bool_and(r.ok) from (
           select k.ok from kit.connection_calls k
           where k.connection_id = c.id and k.at > now() - make_interval(secs => ${windowSeconds})
           order by k.at desc, k.id desc limit ${settings.IONFLUX_HEALTH_RECOVERY_CALLS}) r) as recent_ok
      from kit.integration_connections c
      cross join lateral (
        select count(*)::int as calls, (count(*) filter (where not k.ok))::int as failures,
          max(k.at) filter (where k.ok) as last_ok, max(k.at) filter (where not k.ok) as last_failed
        from kit.connection_calls k
        where k.connection_id = c.id and k.at > now() - make_interval(secs => ${windowSeconds})) w
      where c.id = any(${tx.array([...ids])}::uuid[])
      order by c.id
      for update of c`;
    for (const row of rows) {
      const derived = deriveHealth(
        {
          calls: row.calls,
          failures: row.failures,
          recentAllSucceeded: row.recent_ok === true,
          errorCodes: row.codes,
        },
        settings,
      );
      // NEEDS_REAUTH and DISCONNECTED say more than call health: their stored health is left alone.
      const judged = row.status === 'CONNECTED';
      const before = row.health;
      await tx`
        update kit.integration_connections set
          recent_calls = ${row.calls}, recent_failures = ${row.failures},
          recent_error_codes = ${tx.array(row.codes)}::text[],
          last_call_succeeded_at = greatest(last_call_succeeded_at, ${lastOf(row.last_ok)}::timestamptz),
          last_call_failed_at = greatest(last_call_failed_at, ${lastOf(row.last_failed)}::timestamptz),
          health = case when ${judged} then ${derived.health}::kit.connection_health else health end,
          health_reason = case when ${judged} then ${derived.reason} else health_reason end
        where id = ${row.id}`;
      if (!judged || before === derived.health) continue;
      const change: ConnectionChange | undefined =
        derived.health === 'DEGRADED' ? 'DEGRADED' : before === 'DEGRADED' ? 'RECOVERED' : undefined;
      deps.onTransition?.(row.provider, derived.health);
      if (!change) continue;
      const provider = deps.providers[row.provider];
      if (!provider) continue;
      await notifyConnectionStatus(
        { sql, bus: deps.bus },
        {
          workspaceId: row.workspace_id,
          provider,
          connectionId: row.id,
          accountLabel: row.display_name ?? row.account_id,
          status: change,
          ...(derived.reason ? { reason: derived.reason } : {}),
        },
        { tx },
      );
      logger.warn(
        { connectionId: row.id, provider: row.provider, health: derived.health, reason: derived.reason },
        `connection health ${before} → ${derived.health}`,
      );
    }
  }

  return {
    record(connectionId, outcome, kind = 'api') {
      if (!UUID.test(connectionId)) return;
      if (pending.length >= MAX_PENDING) {
        pending.shift();
        logger.warn('connection health: too many calls waiting to be written; the oldest was dropped');
      }
      pending.push({
        connectionId,
        at: new Date(),
        ok: outcome.ok,
        code: outcome.ok ? null : outcome.code,
        kind,
      });
      if (!timer) {
        timer = setTimeout(() => void flush(), deps.flushAfterMs ?? 500);
        timer.unref();
      }
    },
    flush,
    async close() {
      await flush();
    },
  };
}

function lastOf(value: StoredTimestamp | null): string | null {
  return value === null ? null : timestampParam(readTimestamp(value));
}
