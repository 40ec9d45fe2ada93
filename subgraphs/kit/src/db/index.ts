export type { ConnectOptions, Database, DatabaseHandle, Sql } from './connect-database.ts';
export { connectDatabase } from './connect-database.ts';
export { freePort } from './free-port.ts';
export type { MigrationSet } from './migrate-database.ts';
export { migrateDatabase } from './migrate-database.ts';
export type { EmbeddedPostgresOptions, RunningPostgres } from './start-embedded-postgres.ts';
export { startEmbeddedPostgres } from './start-embedded-postgres.ts';
