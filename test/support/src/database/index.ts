// `global-setup.ts` (one Postgres per test run) is vitest's `globalSetup`, loaded by path, not from here.
export type { PlaintextHit } from './find-plaintext.ts';
export { findPlaintext } from './find-plaintext.ts';
export type { TestDatabase } from './test-database.ts';
export { createTestDatabase } from './test-database.ts';
