import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './connect-database.ts';
import { readTimestamp, timestampParam } from './timestamp.ts';

describe('timestamps on the service pool (wrapped by drizzle)', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let plain: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = connectDatabase(database.url, { maxConnections: 2 });
    plain = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all([handle.close(), plain.end()]);
    await database.drop();
  });

  it('cannot bind a Date on the drizzle pool, which is why kit SQL binds ISO text', async () => {
    await expect(handle.sql`select ${new Date()}::timestamptz as at`).rejects.toThrow(/string/);
    const at = new Date('2026-11-25T09:44:38.123Z');
    const [row] = await handle.sql<{ at: string }[]>`select ${timestampParam(at)}::timestamptz as at`;
    expect(typeof row?.at).toBe('string');
    expect(readTimestamp(row?.at ?? '')).toEqual(at);
  });

  it('reads the same instant from either pool, whatever the session time zone', async () => {
    const at = new Date('2026-03-29T01:30:00.654Z');
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Berlin']) {
      const fromDrizzlePool = await handle.sql.begin(async (tx) => {
        await tx`select set_config('TimeZone', ${zone}, true)`;
        const [row] = await tx<{ at: string }[]>`select ${timestampParam(at)}::timestamptz as at`;
        return row?.at;
      });
      const [fromPlainPool] = await plain<{ at: Date }[]>`select ${at} as at`;
      expect(readTimestamp(fromDrizzlePool ?? '')).toEqual(at);
      expect(readTimestamp(fromPlainPool?.at ?? null)).toEqual(at);
    }
  });

  it('keeps null as null and refuses text that is not a timestamp', () => {
    expect(timestampParam(null)).toBeNull();
    expect(readTimestamp(null)).toBeNull();
    expect(readTimestamp('1887-06-01 10:00:00+00:53:28')).toEqual(new Date('1887-06-01T09:06:32Z'));
    expect(() => readTimestamp('infinity')).toThrow('not a timestamptz');
  });
});
