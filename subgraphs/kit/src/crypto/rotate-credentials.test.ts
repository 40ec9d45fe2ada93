import { randomUUID } from 'node:crypto';
import {
  connectionCredentials,
  connectionCredentialsEncryption,
  integrationConnections,
  oauthStates,
  oauthStatesEncryption,
} from '@ionflux/drizzle/kit';
import { workspaceProviderKeys, workspaceProviderKeysEncryption } from '@ionflux/drizzle/llm';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { createTestDatabase, findPlaintext, type TestDatabase } from '@ionflux/testing/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle, migrateDatabase } from '../db/index.ts';
import { createCredentialCipher } from './credential-cipher.ts';
import { contextFor } from './encrypted-table.ts';
import { generateMasterKey } from './generate-master-key.ts';
import { kitEncryptedTables } from './kit-encrypted-tables.ts';
import { parseKeyring } from './parse-keyring.ts';
import { rotateCredentials } from './rotate-credentials.ts';

const keyA = generateMasterKey('kA');
const keyB = generateMasterKey('kB');
const underA = createCredentialCipher(parseKeyring(keyA));
const underB = createCredentialCipher(parseKeyring(keyB, keyA));
/** What `npm run rotate-keys` collects: the kit's tables and the LLM subgraph's registration's. */
const tables = [...kitEncryptedTables, workspaceProviderKeysEncryption];

interface Stored {
  connections: { id: string; access: string; refresh: string | null }[];
  states: { id: string; verifier: string | null }[];
  keys: { id: string; apiKey: string }[];
}

/** Rows of every encrypted table of a new workspace, sealed under key A. */
async function seedUnderKeyA(handle: DatabaseHandle, count: number): Promise<Stored> {
  const workspaceId = randomUUID();
  const stored: Stored = { connections: [], states: [], keys: [] };
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const access = `shpat_access_${i}_${randomUUID()}`;
    const refresh = i % 3 === 0 ? null : `rt_refresh_${i}_${randomUUID()}`;
    const row = { rowId: id, workspaceId };
    await handle.db.insert(integrationConnections).values({
      id,
      workspaceId,
      provider: 'shopify',
      ownerType: 'brand',
      ownerId: randomUUID(),
      accountId: `shop-${i}.myshopify.com`,
    });
    const accessSealed = underA.seal(access, contextFor(connectionCredentialsEncryption, 'accessToken', row));
    const refreshSealed =
      refresh === null
        ? null
        : underA.seal(refresh, contextFor(connectionCredentialsEncryption, 'refreshToken', row));
    await handle.db.insert(connectionCredentials).values({
      connectionId: id,
      workspaceId,
      accessTokenCiphertext: accessSealed.ciphertext,
      accessTokenKeyId: accessSealed.keyId,
      refreshTokenCiphertext: refreshSealed?.ciphertext ?? null,
      refreshTokenKeyId: refreshSealed?.keyId ?? null,
    });
    stored.connections.push({ id, access, refresh });
  }
  for (let i = 0; i < 30; i++) {
    const id = randomUUID();
    const verifier = i % 5 === 0 ? null : `pkce-verifier-${i}-${randomUUID()}`;
    const sealed =
      verifier === null
        ? null
        : underA.seal(
            verifier,
            contextFor(oauthStatesEncryption, 'codeVerifier', { rowId: id, workspaceId }),
          );
    await handle.db.insert(oauthStates).values({
      id,
      stateHash: randomUUID(),
      provider: 'tiktok',
      workspaceId,
      userId: randomUUID(),
      ownerType: 'creator',
      ownerId: randomUUID(),
      codeVerifierCiphertext: sealed?.ciphertext ?? null,
      codeVerifierKeyId: sealed?.keyId ?? null,
      redirectUri: 'https://ionflux.test/oauth/tiktok/callback',
      expiresAt: new Date(Date.now() + 600_000),
    });
    stored.states.push({ id, verifier });
  }
  for (const provider of ['openai', 'anthropic', 'gemini'] as const) {
    const id = randomUUID();
    const apiKey = `sk-${provider}-${randomUUID()}`;
    const sealed = underA.seal(
      apiKey,
      contextFor(workspaceProviderKeysEncryption, 'apiKey', { rowId: id, workspaceId }),
    );
    await handle.db.insert(workspaceProviderKeys).values({
      id,
      workspaceId,
      provider,
      ciphertext: sealed.ciphertext,
      keyId: sealed.keyId,
      lastFour: apiKey.slice(-4),
      createdBy: randomUUID(),
    });
    stored.keys.push({ id, apiKey });
  }
  return stored;
}

/** Opens every stored value with the A+B keyring: it equals what was sealed and carries `keyId` if given. */
async function expectAllOpen(handle: DatabaseHandle, stored: Stored, keyId?: string) {
  const cipher = underB;
  for (const expected of stored.connections) {
    const [row] = await handle.db
      .select()
      .from(connectionCredentials)
      .where(eq(connectionCredentials.connectionId, expected.id));
    if (!row) throw new Error(`row ${expected.id} vanished`);
    const at = { rowId: row.connectionId, workspaceId: row.workspaceId };
    if (keyId) expect(row.accessTokenKeyId).toBe(keyId);
    expect(
      cipher.open(
        { ciphertext: row.accessTokenCiphertext, keyId: row.accessTokenKeyId },
        contextFor(connectionCredentialsEncryption, 'accessToken', at),
      ),
    ).toBe(expected.access);
    if (expected.refresh === null) {
      expect(row.refreshTokenCiphertext).toBeNull();
      expect(row.refreshTokenKeyId).toBeNull();
    } else {
      if (keyId) expect(row.refreshTokenKeyId).toBe(keyId);
      expect(
        cipher.open(
          { ciphertext: row.refreshTokenCiphertext ?? Buffer.alloc(0), keyId: row.refreshTokenKeyId ?? '' },
          contextFor(connectionCredentialsEncryption, 'refreshToken', at),
        ),
      ).toBe(expected.refresh);
    }
  }
  for (const expected of stored.states) {
    const [row] = await handle.db.select().from(oauthStates).where(eq(oauthStates.id, expected.id));
    if (!row) throw new Error(`state ${expected.id} vanished`);
    if (expected.verifier === null) {
      expect(row.codeVerifierCiphertext).toBeNull();
      continue;
    }
    if (keyId) expect(row.codeVerifierKeyId).toBe(keyId);
    expect(
      cipher.open(
        { ciphertext: row.codeVerifierCiphertext ?? Buffer.alloc(0), keyId: row.codeVerifierKeyId ?? '' },
        contextFor(oauthStatesEncryption, 'codeVerifier', { rowId: row.id, workspaceId: row.workspaceId }),
      ),
    ).toBe(expected.verifier);
  }
  for (const expected of stored.keys) {
    const [row] = await handle.db
      .select()
      .from(workspaceProviderKeys)
      .where(eq(workspaceProviderKeys.id, expected.id));
    if (!row) throw new Error(`key ${expected.id} vanished`);
    if (keyId) expect(row.keyId).toBe(keyId);
    expect(
      cipher.open(
        { ciphertext: row.ciphertext, keyId: row.keyId },
        contextFor(workspaceProviderKeysEncryption, 'apiKey', {
          rowId: row.id,
          workspaceId: row.workspaceId,
        }),
      ),
    ).toBe(expected.apiKey);
  }
}

describe('rotateCredentials', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url, [migrationSet('kit'), migrationSet('llm')]);
    handle = connectDatabase(database.url, { maxConnections: 4 });
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('re-encrypts every encrypted column of every table under the new key; a second run changes nothing', async () => {
    const stored = await seedUnderKeyA(handle, 230);
    await expectAllOpen(handle, stored, 'kA');

    const dryRun = await rotateCredentials(handle.db, underB, tables, { dryRun: true });
    expect(dryRun.rotated).toBe(0);
    expect(dryRun.columns.map((c) => [c.table, c.column, c.due])).toEqual([
      ['kit.connection_credentials', 'access_token_ciphertext', 230],
      ['kit.connection_credentials', 'refresh_token_ciphertext', 153],
      ['kit.oauth_states', 'code_verifier_ciphertext', 24],
      ['llm.workspace_provider_keys', 'ciphertext', 3],
    ]);

    const progress: number[] = [];
    const report = await rotateCredentials(handle.db, underB, tables, {
      batchSize: 50,
      onProgress: (p) => progress.push(p.rotated),
    });
    expect(report).toMatchObject({ activeKeyId: 'kB', rotated: 230 + 153 + 24 + 3, failed: 0, remaining: 0 });
    expect(report.columns.map((c) => [c.column, c.due, c.rotated, c.remaining])).toEqual([
      ['access_token_ciphertext', 230, 230, 0],
      ['refresh_token_ciphertext', 153, 153, 0],
      ['code_verifier_ciphertext', 24, 24, 0],
      ['ciphertext', 3, 3, 0],
    ]);
    expect(progress.length).toBeGreaterThan(4);
    await expectAllOpen(handle, stored, 'kB');

    const snapshot =
      await handle.sql`select access_token_ciphertext from kit.connection_credentials order by 1`;
    const again = await rotateCredentials(handle.db, underB, tables);
    expect(again).toMatchObject({ rotated: 0, failed: 0, remaining: 0 });
    expect(again.columns.every((c) => c.due === 0)).toBe(true);
    expect(
      await handle.sql`select access_token_ciphertext from kit.connection_credentials order by 1`,
    ).toEqual(snapshot);
  });

  it('reports a value whose AAD is wrong or whose key is unknown, and rotates the rest', async () => {
    const stored = await seedUnderKeyA(handle, 3);
    const [moved, ok] = stored.keys;
    const [unknown] = stored.states.filter((s) => s.verifier !== null);
    if (!moved || !ok || !unknown) throw new Error('seed');
    // A ciphertext copied from one row to another: its AAD names the first row.
    const [source] = await handle.sql<{ ciphertext: Buffer }[]>`
      select ciphertext from llm.workspace_provider_keys where id = ${ok.id}`;
    await handle.sql`update llm.workspace_provider_keys set ciphertext = ${source?.ciphertext ?? null} where id = ${moved.id}`;
    await handle.sql`update kit.oauth_states set code_verifier_key_id = 'k-lost' where id = ${unknown.id}`;

    const report = await rotateCredentials(handle.db, underB, tables, { passDelayMs: 10 });
    const byColumn = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byColumn['ciphertext']?.failures).toEqual([
      { rowId: moved.id, keyId: 'kA', reason: 'authentication_failed' },
    ]);
    expect(byColumn['code_verifier_ciphertext']?.failures).toEqual([
      { rowId: unknown.id, keyId: 'k-lost', reason: 'unknown_key_id' },
    ]);
    expect(report).toMatchObject({ failed: 2, remaining: 2 });
    expect(byColumn['ciphertext']?.rotated).toBe(2);
    expect(JSON.stringify(report)).not.toContain(moved.apiKey);
    expect(JSON.stringify(report)).not.toContain(ok.apiKey);

    // Still reported on the next run: failures are never skipped silently.
    expect((await rotateCredentials(handle.db, underB, tables, { passDelayMs: 10 })).failed).toBe(2);
    await handle.sql`delete from llm.workspace_provider_keys where id = ${moved.id}`;
    await handle.sql`delete from kit.oauth_states where id = ${unknown.id}`;
  });

  it('with verify, also reports a value already under the active key that does not open', async () => {
    const stored = await seedUnderKeyA(handle, 2);
    await rotateCredentials(handle.db, underB, tables);
    const [first, second] = stored.connections;
    if (!first || !second) throw new Error('seed');
    // Under the active key, so a rotation never opens it; copied from another row, so it does not open.
    await handle.sql`
      update kit.connection_credentials set access_token_ciphertext = (
        select access_token_ciphertext from kit.connection_credentials where connection_id = ${first.id})
      where connection_id = ${second.id}`;

    const plain = await rotateCredentials(handle.db, underB, tables);
    expect(plain).toMatchObject({ rotated: 0, verified: 0, failed: 0 });
    const verified = await rotateCredentials(handle.db, underB, tables, { verify: true, dryRun: true });
    expect(verified.columns[0]?.failures).toEqual([
      { rowId: second.id, keyId: 'kB', reason: 'authentication_failed' },
    ]);
    expect(verified.failed).toBe(1);
    const [count] = await handle.sql<{ n: number }[]>`
      select (select count(*) from kit.connection_credentials)
           + (select count(refresh_token_ciphertext) from kit.connection_credentials)
           + (select count(code_verifier_ciphertext) from kit.oauth_states)
           + (select count(*) from llm.workspace_provider_keys) - 1 as n`;
    expect(verified.verified).toBe(Number(count?.n));
    await handle.sql`delete from kit.integration_connections where id = ${second.id}`;
  });

  it('skips a row another transaction holds, takes it on a later sweep, while readers keep opening values', async () => {
    const stored = await seedUnderKeyA(handle, 120);
    const held = stored.connections[7];
    if (!held) throw new Error('seed');
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // A refresher holding the row, as the OAuth module does while it refreshes a token.
    const holder = handle.sql.begin(async (tx) => {
      await tx`select 1 from kit.connection_credentials where connection_id = ${held.id} for update`;
      locked();
      await released;
    });
    await isLocked;

    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        await expectAllOpen(handle, { connections: stored.connections.slice(0, 20), states: [], keys: [] });
        reads++;
      }
    })().catch((error: unknown) => error);

    // The lock is released once the first sweep has done every other row, so the held row can only be
    // taken by a later sweep.
    const sweeps: number[] = [];
    const report = await rotateCredentials(handle.db, underB, tables, {
      batchSize: 25,
      passDelayMs: 100,
      maxPasses: 5,
      onProgress: (p) => {
        if (p.column !== 'access_token_ciphertext') return;
        sweeps.push(p.rotated);
        if (p.rotated === 119) release();
      },
    });
    reading = false;
    await holder;
    expect(report).toMatchObject({ failed: 0, remaining: 0 });
    expect(report.columns[0]).toMatchObject({ due: 120, rotated: 120 });
    expect(sweeps.at(-1)).toBe(120);
    expect(sweeps.filter((n) => n === 119).length).toBeGreaterThan(0);
    await expectAllOpen(handle, stored, 'kB');
    expect(reads).toBeGreaterThan(0);
    await expect(reader).resolves.toBeUndefined();
  });

  it('leaves no plaintext token, verifier or key in any column of any table, before and after rotation', async () => {
    const stored = await seedUnderKeyA(handle, 5);
    const plaintexts = [
      ...stored.connections.flatMap((c) => [c.access, ...(c.refresh === null ? [] : [c.refresh])]),
      ...stored.states.flatMap((s) => (s.verifier === null ? [] : [s.verifier])),
      ...stored.keys.map((k) => k.apiKey),
      ...[keyA, keyB].map((spec) => spec.split(':')[1] ?? ''),
    ];
    expect(await findPlaintext(database.url, plaintexts)).toEqual([]);
    await rotateCredentials(handle.db, underB, tables);
    expect(await findPlaintext(database.url, plaintexts)).toEqual([]);

    // The scanner itself finds a secret in a jsonb column, and a base64-encoded one in a text column.
    const [leaked, encoded] = plaintexts;
    await handle.sql`
      insert into kit.workspace_notifications (workspace_id, kind, severity, title, message, data)
      values (${randomUUID()}, 'TEST', 'INFO', 'leak', ${Buffer.from(encoded ?? '').toString('base64')},
              ${JSON.stringify({ token: leaked })}::jsonb)`;
    expect(await findPlaintext(database.url, plaintexts)).toEqual([
      { table: 'kit.workspace_notifications', column: 'data' },
      { table: 'kit.workspace_notifications', column: 'message' },
    ]);
  });
});
