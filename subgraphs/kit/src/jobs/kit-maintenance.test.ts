import { randomUUID } from 'node:crypto';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { silentLogger } from '@ionflux/testing/jobs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '../db/index.ts';
import { KIT_MAINTENANCE_TASKS, kitMaintenanceCron, kitMaintenanceTasks } from './kit-maintenance.ts';
import { migrateJobSchema } from './migrate-job-schema.ts';
import { type JobWorker, startJobWorker } from './start-job-worker.ts';
import type { TaskDefinition } from './task-definition.ts';

describe('the kit’s retention jobs', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit')]);
    await migrateJobSchema(database.url, silentLogger());
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });

  const insertState = (expiresAt: string) =>
    sql`insert into kit.oauth_states (state_hash, provider, workspace_id, user_id, owner_type, owner_id,
          redirect_uri, expires_at)
        values (${randomUUID()}, 'shopify', ${randomUUID()}, ${randomUUID()}, 'brand', ${randomUUID()},
          'http://x/cb', now() + ${expiresAt}::interval)
        returning id`.then((rows) => String(rows[0]?.['id']));
  const insertEvent = (age: string) =>
    sql`insert into kit.events (topic, payload, created_at) values ('t', '"x"'::jsonb, now() - ${age}::interval)
        returning id`.then((rows) => String(rows[0]?.['id']));

  const insertDelivery = (status: string, age: string) =>
    sql`insert into kit.webhook_deliveries (provider, delivery_id, topic, payload, status, received_at)
        values ('test', ${randomUUID()}, 't', '{}'::json, ${status}::kit.webhook_delivery_status,
          now() - ${age}::interval)
        returning id::text as id`.then((rows) => String(rows[0]?.['id']));

  it('are cron jobs whose missed slots two workers run once each, deleting only what is past retention', async () => {
    const states = {
      stale: await insertState('-25 hours'),
      justExpired: await insertState('-1 hour'),
      live: await insertState('10 minutes'),
    };
    const events = { old: await insertEvent('8 days'), recent: await insertEvent('6 days') };
    const deliveries = {
      appliedOld: await insertDelivery('PROCESSED', '31 days'),
      appliedRecent: await insertDelivery('PROCESSED', '29 days'),
      deadOld: await insertDelivery('DEAD', '90 days'),
      failedOld: await insertDelivery('FAILED', '40 days'),
      waitingOld: await insertDelivery('RECEIVED', '40 days'),
    };
    // The schedule has been known for 3 hours and never ran: the slots of the last 2 hours are missed.
    for (const { task } of kitMaintenanceCron()) {
      await sql`insert into graphile_worker._private_known_crontabs (identifier, known_since)
        values (${task}, now() - interval '3 hours')`;
    }
    const runs: string[] = [];
    const counted = (tasks: TaskDefinition<unknown>[]) =>
      tasks.map((task) => ({
        ...task,
        async handler(payload: unknown, helpers: Parameters<TaskDefinition<unknown>['handler']>[1]) {
          runs.push(`${task.name}@${(payload as { _cron?: { ts?: string } })._cron?.ts}`);
          await task.handler(payload, helpers);
        },
      }));
    const settings = {
      IONFLUX_OAUTH_STATE_RETENTION_HOURS: 24,
      IONFLUX_EVENT_RETENTION_HOURS: 168,
      IONFLUX_WEBHOOK_RETENTION_DAYS: 30,
    };
    const workers: JobWorker[] = await Promise.all(
      [1, 2].map(() =>
        startJobWorker({
          databaseUrl: database.url,
          logger: silentLogger(),
          pollIntervalMs: 100,
          tasks: counted(kitMaintenanceTasks({ sql, settings })),
          cron: kitMaintenanceCron(),
        }),
      ),
    );
    try {
      await vi.waitFor(
        () => {
          for (const task of Object.values(KIT_MAINTENANCE_TASKS)) {
            expect(runs.filter((run) => run.startsWith(`${task}@`)).length).toBeGreaterThanOrEqual(2);
          }
        },
        { timeout: 15_000, interval: 100 },
      );
      // Give a duplicate the time to show up, then: every slot ran once, across both workers.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(new Set(runs).size).toBe(runs.length);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const keptStates = await sql`select id from kit.oauth_states`;
    expect(keptStates.map((row) => row['id']).sort()).toEqual([states.justExpired, states.live].sort());
    const keptEvents = await sql`select id::text as id from kit.events`;
    expect(keptEvents.map((row) => row['id'])).toEqual([events.recent]);
    // Only applied deliveries past retention go; dead letters and unapplied work stay, however old.
    const keptDeliveries = await sql`select id::text as id from kit.webhook_deliveries`;
    expect(keptDeliveries.map((row) => row['id']).sort()).toEqual(
      [deliveries.appliedRecent, deliveries.deadOld, deliveries.failedOld, deliveries.waitingOld].sort(),
    );
  });
});
