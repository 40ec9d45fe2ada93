import { createHash, randomUUID } from 'node:crypto';
import {
  type ExampleOAuthContext,
  spawnRefreshChild,
  startExampleOAuthContext,
} from '@ionflux/testing/oauth';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionRow } from './connection-row.ts';
import { getAccessToken } from './get-access-token.ts';
import { markAuthInvalid } from './mark-auth-invalid.ts';
import { refreshExpiringCredentials } from './refresh-expiring-credentials.ts';
import { startAuthorization } from './start-authorization.ts';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('getAccessToken', () => {
  let t: ExampleOAuthContext;
  const workspaceId = randomUUID();
  beforeAll(async () => {
    t = await startExampleOAuthContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function connectAccount(username: string, scopes = ['read:profile']): Promise<ConnectionRow> {
    t.example.addAccount(username);
    const start = await startAuthorization(t.deps, {
      provider: 'example',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'creator', id: randomUUID() },
      scopes,
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });
    const result = await t.complete(start, { fields: { username } });
    if (!result.ok) throw new Error(result.message);
    return result.connection;
  }
  const expireSoon = (connectionId: string, seconds = 60) =>
    t.sql`update kit.connection_credentials set access_token_expires_at = now() + make_interval(secs => ${seconds})
      where connection_id = ${connectionId}`;
  const refreshCalls = () =>
    t.example.requests().filter((r) => r.path === '/token' && r.body['grant_type'] === 'refresh_token');
  const versionOf = async (connectionId: string) =>
    (await t.sql`select version from kit.connection_credentials where connection_id = ${connectionId}`)[0]?.[
      'version'
    ];

  it('hands out the stored token without calling the provider while it is far from expiry', async () => {
    const connection = await connectAccount('steady_creator');
    t.example.clearRequests();
    const token = await getAccessToken(t.deps, connection.id, workspaceId);
    expect(token.accessToken).toMatch(/^ex\.at_/);
    expect(token.accountId).toBe(connection.account_id);
    expect(t.example.requests()).toHaveLength(0);
  });

  it('does not serve a connection of another workspace', async () => {
    const connection = await connectAccount('tenant_creator');
    await expect(getAccessToken(t.deps, connection.id, randomUUID())).rejects.toMatchObject({
      code: 'INTEGRATION_NOT_CONNECTED',
    });
  });

  it('does not hand out the token of a provider this process has no profile for (another subgraph’s)', async () => {
    const connection = await connectAccount('foreign_creator');
    t.example.clearRequests();
    const shopifyOnly = { ...t.deps, profiles: { shopify: t.deps.profiles['example'] } };
    await expect(
      getAccessToken(shopifyOnly as typeof t.deps, connection.id, workspaceId),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'That is a example connection; this service uses shopify connections only.',
    });
    expect(t.example.requests()).toHaveLength(0);
  });

  it('two processes, 25 callers each, refreshing the same expiring token make exactly one refresh call', async () => {
    const connection = await connectAccount('busy_creator');
    const before = await getAccessToken(t.deps, connection.id, workspaceId);
    await expireSoon(connection.id);
    const version = await versionOf(connection.id);
    // A slow token endpoint widens the window in which a second refresh could slip in.
    t.example.injectFault({ path: '/token', latencyMs: 300, times: 5 });
    t.example.clearRequests();
    const child = await spawnRefreshChild({
      databaseUrl: t.databaseUrl,
      keySpec: t.keySpec,
      providerUrl: t.example.url,
      connectionId: connection.id,
      workspaceId,
      callers: 25,
    });
    try {
      child.go();
      const here = await Promise.all(
        Array.from({ length: 25 }, () =>
          getAccessToken(t.deps, connection.id, workspaceId).then((token) => ({
            token: sha256(token.accessToken),
          })),
        ),
      );
      const there = await child.result;
      const all = [...here, ...there];
      expect(all.filter((r) => 'error' in r)).toEqual([]);
      const distinct = new Set(all.map((r) => ('token' in r ? r.token : '')));
      expect(distinct.size).toBe(1);
      expect(distinct.has(sha256(before.accessToken))).toBe(false);
      expect(refreshCalls()).toHaveLength(1);
      expect(await versionOf(connection.id)).toBe(Number(version) + 1);
      console.info(`cross-process refresh: ${all.length} callers, ${refreshCalls().length} refresh call(s)`);
    } finally {
      child.kill();
      t.example.clearFaults();
    }
    const fresh = await getAccessToken(t.deps, connection.id, workspaceId);
    const me = await fetch(`${t.example.url}/userinfo`, {
      headers: { authorization: `Bearer ${fresh.accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it('a revoked grant (invalid_grant) moves the connection to NEEDS_REAUTH with one notification', async () => {
    const connection = await connectAccount('leaving_creator');
    t.example.revokeGrant(connection.account_id);
    await expireSoon(connection.id);
    t.example.clearRequests();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        getAccessToken(i % 2 ? t.deps : t.depsOnSecondPool, connection.id, workspaceId),
      ),
    );
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({ code: 'INTEGRATION_AUTH_INVALID' });
        expect(String(result.reason.message)).toMatch(/^Reconnect example/);
      }
    }
    expect(refreshCalls()).toHaveLength(1);
    const rows = await t.sql`select status from kit.integration_connections where id = ${connection.id}`;
    expect(rows[0]?.['status']).toBe('NEEDS_REAUTH');
    const kinds = (await t.notifications(connection.id)).map((n) => n.kind);
    expect(kinds.filter((kind) => kind === 'CONNECTION_NEEDS_REAUTH')).toHaveLength(1);
    const creds =
      await t.sql`select refresh_failures, last_refresh_error from kit.connection_credentials where connection_id = ${connection.id}`;
    expect(creds[0]?.['last_refresh_error']).toMatch(/^invalid_grant/);
  });

  it('a transient refresh failure keeps serving a still-valid token, then fails with PROVIDER_UNAVAILABLE', async () => {
    const connection = await connectAccount('flaky_creator');
    const current = await getAccessToken(t.deps, connection.id, workspaceId);
    await expireSoon(connection.id, 60);
    t.example.injectFault({ path: '/token', status: 503, times: 1 });
    expect((await getAccessToken(t.deps, connection.id, workspaceId)).accessToken).toBe(current.accessToken);
    await expireSoon(connection.id, -1);
    t.example.injectFault({ path: '/token', status: 503, times: 1 });
    await expect(getAccessToken(t.deps, connection.id, workspaceId)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
    });
    const creds =
      await t.sql`select refresh_failures from kit.connection_credentials where connection_id = ${connection.id}`;
    expect(creds[0]?.['refresh_failures']).toBe(2);
    const rows = await t.sql`select status from kit.integration_connections where id = ${connection.id}`;
    expect(rows[0]?.['status']).toBe('CONNECTED');
    // The provider is back: the next call refreshes and resets the failure count.
    await getAccessToken(t.deps, connection.id, workspaceId);
    const after =
      await t.sql`select refresh_failures from kit.connection_credentials where connection_id = ${connection.id}`;
    expect(after[0]?.['refresh_failures']).toBe(0);
  });

  it('counts each refresh by outcome and tells the connection’s health how it went', async () => {
    const connection = await connectAccount('observed_creator');
    const registry = new Registry();
    const recorded: unknown[][] = [];
    const deps = {
      ...t.deps,
      registry,
      health: { record: (...args: unknown[]) => void recorded.push(args) },
    };
    const count = async (outcome: string) =>
      (await registry.getSingleMetric('ionflux_oauth_token_refreshes_total')?.get())?.values.find(
        (v) => v.labels['outcome'] === outcome && v.labels['provider'] === 'example',
      )?.value ?? 0;
    await expireSoon(connection.id, 60);
    t.example.injectFault({ path: '/token', status: 503, times: 1 });
    await getAccessToken(deps, connection.id, workspaceId);
    await getAccessToken(deps, connection.id, workspaceId);
    expect(await count('failed')).toBe(1);
    expect(await count('refreshed')).toBe(1);
    expect(recorded).toEqual([
      [connection.id, { ok: false, code: 'PROVIDER_UNAVAILABLE' }, 'refresh'],
      [connection.id, { ok: true }, 'refresh'],
    ]);
  });

  it('markAuthInvalid (a 401 on a normal call) takes the NEEDS_REAUTH path once for many reporters', async () => {
    const connection = await connectAccount('unauthorized_creator');
    const changed = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        markAuthInvalid(
          i % 2 ? t.deps : t.depsOnSecondPool,
          connection.id,
          workspaceId,
          'access_token_invalid',
        ),
      ),
    );
    expect(changed.filter(Boolean)).toHaveLength(1);
    const kinds = (await t.notifications(connection.id)).map((n) => n.kind);
    expect(kinds).toEqual(['CONNECTION_CONNECTED', 'CONNECTION_NEEDS_REAUTH']);
    await expect(getAccessToken(t.deps, connection.id, workspaceId)).rejects.toMatchObject({
      code: 'INTEGRATION_AUTH_INVALID',
    });
  });

  it('refreshes an account named up front with the rotating refresh token', async () => {
    const start = await startAuthorization(t.deps, {
      provider: 'example_store',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'brand', id: randomUUID() },
      scopes: ['read:products'],
      accountHint: 'refresh-store',
      redirectUri: t.callbackUrl('example_store'),
      startUrl: t.startUrl('example_store'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    const first = await getAccessToken(t.deps, result.connection.id, workspaceId);
    expect(first.expiresAt).toBeInstanceOf(Date);
    await expireSoon(result.connection.id);
    const since = t.store.requests().at(-1)?.seq ?? 0;
    const second = await getAccessToken(t.deps, result.connection.id, workspaceId);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(t.store.requests(since).filter((r) => r.path === '/token')).toHaveLength(1);
    const me = await fetch(`${t.store.url}/userinfo`, {
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(me.status).toBe(200);
    // The rotated refresh token was stored: a second refresh works too.
    await expireSoon(result.connection.id);
    const third = await getAccessToken(t.deps, result.connection.id, workspaceId);
    expect(third.accessToken).not.toBe(second.accessToken);
  });

  it('refreshExpiringCredentials refreshes every connected credential expiring within the window', async () => {
    const a = await connectAccount('sweep_a');
    const b = await connectAccount('sweep_b');
    await expireSoon(a.id, 600);
    await expireSoon(b.id, 900);
    const result = await refreshExpiringCredentials(t.deps, { within: 20 * 60_000 });
    expect(result.refreshed).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBe(0);
    const rows =
      await t.sql`select access_token_expires_at from kit.connection_credentials where connection_id in ${t.sql([a.id, b.id])}`;
    for (const row of rows)
      expect((row['access_token_expires_at'] as Date).getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });

  it('refreshExpiringCredentials leaves the credentials of providers this process has no profile for', async () => {
    const foreign = await connectAccount('sweep_foreign');
    await expireSoon(foreign.id, 600);
    t.example.clearRequests();
    const shopifyOnly = { ...t.deps, profiles: { shopify: t.deps.profiles['example'] } };
    const result = await refreshExpiringCredentials(shopifyOnly as typeof t.deps, { within: 20 * 60_000 });
    expect(result).toEqual({ refreshed: 0, skipped: 0, needsReauth: 0, failed: 0 });
    expect(refreshCalls()).toHaveLength(0);
    await refreshExpiringCredentials(t.deps, { within: 20 * 60_000 });
    expect(refreshCalls()).toHaveLength(1);
  });
});
