import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { workspaceProviderKeysEncryption } from '@ionflux/drizzle/llm';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { contextFor, createCredentialCipher, generateMasterKey, parseKeyring } from '@ionflux/kit/crypto';
import { migrateDatabase } from '@ionflux/kit/db';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./rotate-keys.ts', import.meta.url));
const keyA = generateMasterKey('kA');
const keyB = generateMasterKey('kB');

async function run(args: string[], env: Record<string, string>) {
  const {
    IONFLUX_MASTER_KEY: _a,
    IONFLUX_MASTER_KEYS_PREVIOUS: _b,
    DATABASE_URL: _c,
    ...inherited
  } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      env: { ...inherited, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run rotate-keys', () => {
  let database: TestDatabase;
  const apiKeys: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit'), migrationSet('llm')]);
    const cipher = createCredentialCipher(parseKeyring(keyA));
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      for (const provider of ['openai', 'anthropic', 'gemini']) {
        const id = randomUUID();
        const workspaceId = randomUUID();
        const apiKey = `sk-${provider}-${randomUUID()}`;
        const sealed = cipher.seal(
          apiKey,
          contextFor(workspaceProviderKeysEncryption, 'apiKey', { rowId: id, workspaceId }),
        );
        await sql`
          insert into llm.workspace_provider_keys (id, workspace_id, provider, ciphertext, key_id, last_four, created_by)
          values (${id}, ${workspaceId}, ${provider}, ${sealed.ciphertext}, ${sealed.keyId}, ${apiKey.slice(-4)}, ${randomUUID()})`;
        apiKeys.push(apiKey);
      }
    } finally {
      await sql.end();
    }
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prints what is due on a dry run, re-encrypts with counts, then finds nothing left', async () => {
    const env = { DATABASE_URL: database.url, IONFLUX_MASTER_KEY: keyB, IONFLUX_MASTER_KEYS_PREVIOUS: keyA };
    const dry = await run(['--dry-run'], env);
    expect(dry.stdout).toContain('rotate-keys: active key kB; keyring kB, kA (dry run: nothing is changed)');
    expect(dry.stdout).toMatch(/llm\.workspace_provider_keys\.ciphertext\s+due\s+3\s+rotated\s+0/);
    expect(dry.code).toBe(0);

    const first = await run(['--batch-size', '2'], env);
    expect(first.stdout).toMatch(
      /llm\.workspace_provider_keys\.ciphertext\s+due\s+3\s+rotated\s+3\s+failed\s+0\s+remaining\s+0/,
    );
    expect(first.stdout).toContain('total   rotated 3, failed 0, remaining 0 not under kB');
    expect(first.code).toBe(0);

    const second = await run(['--verify'], env);
    expect(second.stdout).toContain('total   rotated 0, verified 3, failed 0, remaining 0 not under kB');
    expect(second.code).toBe(0);
    for (const output of [dry, first, second]) {
      for (const secret of [...apiKeys, keyA, keyB])
        expect(output.stdout + output.stderr).not.toContain(secret);
    }
  });

  it('stops with a clear message when the master key is missing or malformed', async () => {
    const missing = await run([], { DATABASE_URL: database.url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('IONFLUX_MASTER_KEY: not set');

    const short = await run([], { DATABASE_URL: database.url, IONFLUX_MASTER_KEY: 'k1:c2hvcnQ=' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('key "k1" is 5 bytes; AES-256 needs exactly 32');
  });

  it('prints a fresh key spec with --new-key', async () => {
    const { stdout, code } = await run(['--new-key', 'k2026-12'], {});
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^k2026-12:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyring(stdout.trim()).activeKeyId).toBe('k2026-12');
  });
});
