import { Gauge, type Registry } from 'prom-client';
import type { Sql } from '../db/index.ts';
import type { Logger } from '../logging/index.ts';
import { metricOnce } from '../metrics/index.ts';

interface QueueRow {
  task: string;
  queued: number;
  running: number;
  dead: number;
  oldest_due_seconds: number | null;
}

interface DeadDeliveryRow {
  provider: string;
  dead: number;
}

interface QueueSnapshot {
  jobs: QueueRow[];
  deadDeliveries: DeadDeliveryRow[];
}

/** One scrape asks the database once for every gauge below; a second scrape within this reuses it. */
const SNAPSHOT_TTL_MS = 1000;

/**
 * Gauges of the job queue and the webhook dead letters, read from Postgres when `/metrics` is scraped:
 * the queue is shared by every worker of every instance, so each instance reports the same values
 * (dashboards take `max` across instances, not `sum`). Labels are task identifiers and provider ids,
 * both fixed by the code. A scrape that cannot reach the database keeps the last values and logs why.
 */
export function registerQueueMetrics(registry: Registry, sql: Sql, logger: Logger): void {
  let snapshot: { at: number; value: Promise<QueueSnapshot | undefined> } | undefined;
  const read = (): Promise<QueueSnapshot | undefined> => {
    const now = performance.now();
    if (snapshot && now - snapshot.at < SNAPSHOT_TTL_MS) return snapshot.value;
    const value = readSnapshot(sql).catch((error: unknown) => {
      logger.warn({ err: error }, 'queue metrics could not be read; the scrape shows the last values');
      return undefined;
    });
    snapshot = { at: now, value };
    return value;
  };
  const jobGauge = (
    name: string,
    help: string,
    field: 'queued' | 'running' | 'dead' | 'oldest_due_seconds',
  ) =>
    metricOnce(
      registry,
      name,
      (registers) =>
        new Gauge({
          name,
          help,
          labelNames: ['task'] as const,
          registers,
          async collect() {
            const current = await read();
            if (!current) return;
            this.reset();
            for (const row of current.jobs) this.set({ task: row.task }, Number(row[field] ?? 0));
          },
        }),
    );
  jobGauge('ionflux_jobs_queued', 'Jobs waiting to run (due or scheduled for a retry), by task', 'queued');
  jobGauge('ionflux_jobs_running', 'Jobs locked by a worker now, by task', 'running');
  jobGauge(
    'ionflux_jobs_oldest_age_seconds',
    'How long the oldest due job of each task has waited past its run time',
    'oldest_due_seconds',
  );
  jobGauge(
    'ionflux_jobs_dead',
    'Jobs given up after their last attempt (dead letters of the queue), by task',
    'dead',
  );
  metricOnce(
    registry,
    'ionflux_webhook_deliveries_dead',
    (registers) =>
      new Gauge({
        name: 'ionflux_webhook_deliveries_dead',
        help: 'Webhook deliveries DEAD after their last attempt (replay with npm run webhooks:replay), by provider',
        labelNames: ['provider'] as const,
        registers,
        async collect() {
          const current = await read();
          if (!current) return;
          this.reset();
          for (const row of current.deadDeliveries) this.set({ provider: row.provider }, Number(row.dead));
        },
      }),
  );
}

async function readSnapshot(sql: Sql): Promise<QueueSnapshot> {
  // Every task the queue knows (graphile-worker's registry of task identifiers, written when a worker
  // starts with its tasks or a job is added), so a task with no jobs reads 0 instead of vanishing from
  // the scrape between bursts.
  const jobs = await sql<QueueRow[]>`
    select t.identifier as task,
      count(j.id) filter (where j.locked_at is null and j.attempts < j.max_attempts)::int as queued,
      count(j.id) filter (where j.locked_at is not null)::int as running,
      count(j.id) filter (where j.attempts >= j.max_attempts)::int as dead,
      coalesce(extract(epoch from now() - min(j.run_at)
        filter (where j.locked_at is null and j.attempts < j.max_attempts and j.run_at <= now())), 0)::float8
        as oldest_due_seconds
    from graphile_worker._private_tasks t
    left join graphile_worker.jobs j on j.task_identifier = t.identifier
    group by t.identifier`;
  const deadDeliveries = await sql<DeadDeliveryRow[]>`
    select provider, count(*)::int as dead from kit.webhook_deliveries where status = 'DEAD' group by provider`;
  return { jobs, deadDeliveries };
}
