import { randomUUID } from 'node:crypto';
import { findPlaintext } from '@ionflux/testing/database';
import {
  EXAMPLE_APP,
  EXAMPLE_STORE_APP,
  type ExampleOAuthContext,
  secretsIn,
  startExampleOAuthContext,
} from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccessToken } from './get-access-token.ts';
import { revoke } from './revoke-connection.ts';
import { startAuthorization } from './start-authorization.ts';

describe('secrets stay out of the database and the logs', () => {
  let t: ExampleOAuthContext;
  let secrets: string[];
  const workspaceId = randomUUID();
  const expire = (id: string) =>
    t.sql`update kit.connection_credentials set access_token_expires_at = now() + interval '1 minute' where connection_id = ${id}`;

  beforeAll(async () => {
    t = await startExampleOAuthContext();
    // example: PKCE exchange, a refresh (rotating both tokens), then a second connection revoked.
    for (const username of ['secret_keeper', 'secret_leaver']) {
      t.example.addAccount(username);
      const start = await startAuthorization(t.deps, {
        provider: 'example',
        workspaceId,
        userId: randomUUID(),
        owner: { type: 'creator', id: randomUUID() },
        scopes: ['read:profile', 'read:videos'],
        redirectUri: t.callbackUrl('example'),
        startUrl: t.startUrl('example'),
      });
      const result = await t.complete(start, { fields: { username } });
      if (!result.ok) throw new Error(result.message);
      await expire(result.connection.id);
      await getAccessToken(t.deps, result.connection.id, workspaceId);
      if (username === 'secret_leaver') await revoke(t.deps, result.connection);
    }
    // example_store: code exchange (no PKCE) with an expiring token, then a refresh.
    const start = await startAuthorization(t.deps, {
      provider: 'example_store',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'brand', id: randomUUID() },
      scopes: ['read:products', 'read:orders'],
      accountHint: 'ionflux-demo',
      redirectUri: t.callbackUrl('example_store'),
      startUrl: t.startUrl('example_store'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    await expire(result.connection.id);
    await getAccessToken(t.deps, result.connection.id, workspaceId);

    // Codes and raw states travelled through the browser; only the state's SHA-256 may be stored.
    const codes = t.callbacks
      .flatMap((query) => [query['code'], query['state']])
      .filter((value): value is string => value !== undefined);
    secrets = [
      ...new Set([
        ...secretsIn(t.exchanges),
        ...codes,
        EXAMPLE_APP.clientSecret,
        EXAMPLE_STORE_APP.clientSecret,
      ]),
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('collected every kind of secret the flows handled', () => {
    const kinds = ['ex.at_', 'ex.rt_', 'st.at_', 'st.rt_'];
    for (const prefix of kinds)
      expect(secrets.filter((s) => s.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(2);
    const verifiers = t.exchanges.flatMap((e) => new URLSearchParams(e.requestBody).getAll('code_verifier'));
    expect(verifiers.length).toBe(2);
    expect(t.callbacks.length).toBe(3);
  });

  it('no plaintext token, code, verifier, raw state or client secret appears in any column of any table', async () => {
    expect(await findPlaintext(t.databaseUrl, secrets)).toEqual([]);
  });

  it('the scan does find a planted secret (the check can fail)', async () => {
    const planted = secrets[0] ?? 'x';
    await t.sql`create table public.plant (note text, raw bytea)`;
    await t.sql`insert into public.plant values (${`token ${planted}`}, ${Buffer.from(planted)})`;
    const hits = await findPlaintext(t.databaseUrl, [planted]);
    await t.sql`drop table public.plant`;
    expect(hits.map((h) => h.column).sort()).toEqual(['note', 'raw']);
  });

  it('no secret appears in the logs written during the flows', () => {
    const logs = t.logs();
    expect(logs).toContain('oauth connection authorized');
    expect(logs).toContain('oauth token refreshed');
    expect(secrets.filter((secret) => logs.includes(secret))).toEqual([]);
  });
});
