export type { EmbeddedPostgresOptions, RunningPostgres } from './start-embedded-postgres.ts';
export { startEmbeddedPostgres } from './start-embedded-postgres.ts';
