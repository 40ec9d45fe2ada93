import { freePort } from '@ionflux/kit/server';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { sql as drizzleSql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnreachable } from '../errors/database-unreachable.ts';
import { IntegrationError } from '../errors/integration-error.ts';
import { formatGraphQLError } from '../errors/to-graphql-error.ts';
import { connectDatabase, type DatabaseHandle } from './connect-database.ts';

/** Runs `query`, returning what it rejected with and how long that took. */
async function failureOf(query: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await query();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('the query succeeded');
}

/** What a subgraph's client reads for a resolver that failed with `error`. */
const formatted = (error: unknown) =>
  formatGraphQLError(
    {
      message: 'resolver failed',
      path: ['integrationConnections'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    new GraphQLError('resolver failed', { originalError: error as Error, path: ['integrationConnections'] }),
  );

describe('a pool whose database is unreachable', () => {
  let handle: DatabaseHandle;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    handle = connectDatabase(`postgres://app:app@127.0.0.1:${port}/app`, { maxConnections: 10 });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('fails every query within the capped backoff, however long the outage, never postgres.js’s seconds', async () => {
    // Four seconds of 10 queries at a time: unbounded, postgres.js's pool-wide backoff grows past 2 s
    // per query by then (3^failures / 100 s).
    const durations: number[] = [];
    const until = performance.now() + 4000;
    while (performance.now() < until) {
      const failures = await Promise.all(
        Array.from({ length: 10 }, () => failureOf(() => handle.db.execute(drizzleSql`select 1`))),
      );
      for (const { error, ms } of failures) {
        expect(isDatabaseUnreachable(error)).toBe(true);
        durations.push(ms);
      }
    }
    expect(durations.length).toBeGreaterThan(50);
    expect(Math.max(...durations)).toBeLessThan(500);
  });

  it('answers PROVIDER_UNAVAILABLE / DATABASE_UNAVAILABLE for it, with nothing of the address or SQL', async () => {
    const { error } = await failureOf(() => handle.db.execute(drizzleSql`select secret from kit.vault`));
    const answer = formatted(error);
    expect(answer).toEqual({
      message: 'The database is unreachable, so this could not be served; retry in a few seconds.',
      path: ['integrationConnections'],
      extensions: { code: 'PROVIDER_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' },
    });
    expect(JSON.stringify(answer)).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|secret|app:app`));
    // Also when a resolver wrapped it as INTERNAL; an error coded on purpose keeps its code.
    expect(
      formatted(new IntegrationError('INTERNAL', 'listing failed', { cause: error })).extensions,
    ).toEqual({
      code: 'PROVIDER_UNAVAILABLE',
      reason: 'DATABASE_UNAVAILABLE',
    });
    expect(
      formatted(new IntegrationError('NOT_FOUND', 'No such connection.', { cause: error })).extensions,
    ).toEqual({
      code: 'NOT_FOUND',
    });
  });

  it('does not take a bare socket error, maybe another dependency’s, for the database’s', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4222'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnreachable(refused)).toBe(false);
    expect(formatted(refused).extensions).toEqual({ code: 'INTERNAL' });
  });
});

describe('a pool whose connection the server ends (pg_terminate_backend: 57P01 admin shutdown)', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = connectDatabase(database.url, { maxConnections: 1, applicationName: 'ionflux-terminated' });
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('fails the query in flight as unreachable, and queries succeed again on a new connection within a second', async () => {
    await handle.db.execute(drizzleSql`select 1`);
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const inFlight = failureOf(() => handle.db.execute(drizzleSql`select pg_sleep(5)`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'ionflux-terminated'`;
      const { error, ms } = await inFlight;
      expect(isDatabaseUnreachable(error)).toBe(true);
      expect(formatted(error).extensions).toEqual({
        code: 'PROVIDER_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
      });
      expect(ms).toBeLessThan(2000);
      // The query sent right after may still meet the ended connection (postgres.js hands it the same
      // FATAL): it too is unreachable, and the pool has a new connection within the capped backoff.
      const deadline = performance.now() + 1000;
      for (;;) {
        try {
          expect(await handle.db.execute(drizzleSql`select 1 as one`)).toEqual([{ one: 1 }]);
          break;
        } catch (next) {
          expect(isDatabaseUnreachable(next)).toBe(true);
          expect(performance.now()).toBeLessThan(deadline);
        }
      }
    } finally {
      await admin.end();
    }
  });
});
