import { migrationSet } from '@ionflux/drizzle/migrations';
import { connectDatabase, type DatabaseHandle, migrateDatabase } from '@ionflux/kit/db';
import { createTestDatabase } from '../database/test-database.ts';

export interface EventsTestDatabase {
  url: string;
  database: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh database of this run's Postgres with the kit's tables (kit.events among them). */
export async function createEventsTestDatabase(): Promise<EventsTestDatabase> {
  const testDatabase = await createTestDatabase();
  await migrateDatabase(testDatabase.url, [migrationSet('kit')]);
  const database = connectDatabase(testDatabase.url, { applicationName: 'ionflux-events-test' });
  return {
    url: testDatabase.url,
    database,
    async drop() {
      await database.close();
      await testDatabase.drop();
    },
  };
}
