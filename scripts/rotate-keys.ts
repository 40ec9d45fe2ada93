// `npm run rotate-keys [-- --dry-run] [--verify] [--batch-size 100]`: re-encrypts every stored credential (OAuth
// tokens, PKCE verifiers, workspace LLM keys) that is not under the active master key, while the services
// keep running. `--verify` also opens every value already under the active key and lists those that do
// not open. `npm run rotate-keys -- --new-key <keyId>` prints a fresh key spec to start a rotation.
//
// What is encrypted is not listed here: the kit's own tables (`kitEncryptedTables`), then the
// `encryptedTables` of each workspace package's registration (scripts/src/integration-registrations.ts).
//
// Procedure (no downtime): 1. stage the new key on every service in IONFLUX_MASTER_KEYS_PREVIOUS (all can
// now open what it seals); 2. make it IONFLUX_MASTER_KEY, the old one moving to IONFLUX_MASTER_KEYS_PREVIOUS,
// and roll the services; 3. run this command (here with the same keys) until it reports 0 remaining;
// 4. drop the old key from IONFLUX_MASTER_KEYS_PREVIOUS.
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '@ionflux/kit/config';
import {
  type ColumnRotation,
  createCredentialCipher,
  generateMasterKey,
  loadKeyring,
  rotateCredentials,
} from '@ionflux/kit/crypto';
import { connectDatabase } from '@ionflux/kit/db';
import { createSecretsProvider, secretsEnv } from '@ionflux/kit/secrets';
import { z } from 'zod';
import { encryptedTablesOf, loadIntegrationRegistrations } from './src/integration-registrations.ts';

const usage =
  'usage: npm run rotate-keys [-- --dry-run] [--verify] [--batch-size <n>] | -- --new-key <keyId>';

let values: {
  'dry-run'?: boolean;
  verify?: boolean;
  'batch-size'?: string;
  'new-key'?: string;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      verify: { type: 'boolean' },
      'batch-size': { type: 'string' },
      'new-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`npm run rotate-keys: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values['new-key'] !== undefined) {
  try {
    console.log(generateMasterKey(values['new-key']));
    process.exit(0);
  } catch (error) {
    console.error(`npm run rotate-keys: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const batchSize = Number(values['batch-size'] ?? 100);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error(`npm run rotate-keys: --batch-size takes a whole number from 1 to 10000\n${usage}`);
  process.exit(2);
}

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required: the database whose credentials to re-encrypt' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
  ...secretsEnv,
});

let exitCode = 0;
try {
  const config = parseEnv('rotate-keys', envSchema, process.env);
  const keyring = await loadKeyring(createSecretsProvider(config, process.env));
  const cipher = createCredentialCipher(keyring);
  console.log(
    `rotate-keys: active key ${keyring.activeKeyId}; keyring ${[...keyring.keys.keys()].join(', ')}` +
      (values['dry-run'] ? ' (dry run: nothing is changed)' : ''),
  );
  const database = connectDatabase(config.DATABASE_URL, {
    maxConnections: 2,
    applicationName: 'rotate-keys',
  });
  try {
    let lastPrinted = Date.now();
    const tables = encryptedTablesOf(await loadIntegrationRegistrations());
    const report = await rotateCredentials(database.db, cipher, tables, {
      batchSize,
      dryRun: values['dry-run'] ?? false,
      verify: values.verify ?? false,
      onProgress: (progress) => {
        if (Date.now() - lastPrinted < 2_000) return;
        lastPrinted = Date.now();
        console.log(`  … ${progress.table}.${progress.column}: ${progress.rotated} re-encrypted so far`);
      },
    });
    for (const column of report.columns) console.log(formatColumn(column));
    for (const column of report.columns) {
      for (const failure of column.failures) {
        console.log(
          `failed  ${column.table}.${column.column} row ${failure.rowId} (key ${failure.keyId ?? 'none'}): ${failure.reason}`,
        );
      }
    }
    console.log(
      `total   rotated ${report.rotated}, ${values.verify ? `verified ${report.verified}, ` : ''}failed ` +
        `${report.failed}, remaining ${report.remaining} not under ${report.activeKeyId}`,
    );
    if (report.failed > 0) {
      console.log(
        'Values that fail to open are left as they are: unknown_key_id means a key is missing from ' +
          'IONFLUX_MASTER_KEYS_PREVIOUS; authentication_failed means the value was tampered with or copied ' +
          'from another row. Keep the old keys until these are resolved (re-connect or delete them).',
      );
      exitCode = 1;
    } else if (report.remaining > 0 && !values['dry-run']) {
      console.log('Some rows were busy or written under an old key meanwhile: run the command again.');
      exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `rotate-keys failed: ${describe(error)}`);
  exitCode = 2;
}
process.exit(exitCode);

/** The message, with the underlying cause (drizzle wraps a connection error in "Failed query: …"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message}\n  cause: ${cause}` : error.message;
}

function formatColumn(column: ColumnRotation): string {
  const name = `${column.table}.${column.column}`.padEnd(56);
  return `${name} due ${String(column.due).padStart(6)}  rotated ${String(column.rotated).padStart(6)}  failed ${String(column.failures.length).padStart(4)}  remaining ${String(column.remaining).padStart(6)}`;
}
