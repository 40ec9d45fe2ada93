export type { ConnectOptions, Database, DatabaseHandle, Sql } from './connect-database.ts';
export { connectDatabase, reconnectBackoff } from './connect-database.ts';
export type { MigrationSet } from './migrate-database.ts';
export { migrateDatabase } from './migrate-database.ts';
export type { StoredTimestamp } from './timestamp.ts';
export { readTimestamp, timestampParam } from './timestamp.ts';
