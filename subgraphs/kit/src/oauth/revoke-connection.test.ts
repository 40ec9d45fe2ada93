import { randomUUID } from 'node:crypto';
import { type ExampleOAuthContext, startExampleOAuthContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccessToken } from './get-access-token.ts';
import { revoke } from './revoke-connection.ts';
import { startAuthorization } from './start-authorization.ts';

describe('revoke (disconnect)', () => {
  let t: ExampleOAuthContext;
  const workspaceId = randomUUID();
  beforeAll(async () => {
    t = await startExampleOAuthContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('revokes the grant at the provider’s revocation endpoint, deletes the credentials and marks the connection DISCONNECTED', async () => {
    const start = await startAuthorization(t.deps, {
      provider: 'example',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'creator', id: randomUUID() },
      scopes: ['read:profile'],
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    const token = await getAccessToken(t.deps, result.connection.id, workspaceId);
    t.example.clearRequests();

    expect(await revoke(t.deps, result.connection)).toEqual({ revokedAtProvider: true });
    expect(t.example.requests().map((r) => [r.path, r.status])).toEqual([['/revoke', 200]]);
    const me = await fetch(`${t.example.url}/userinfo`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(me.status).toBe(401);
    expect(
      await t.sql`select 1 from kit.connection_credentials where connection_id = ${result.connection.id}`,
    ).toHaveLength(0);
    const rows =
      await t.sql`select status from kit.integration_connections where id = ${result.connection.id}`;
    expect(rows[0]?.['status']).toBe('DISCONNECTED');
    expect((await t.notifications(result.connection.id)).map((n) => n.kind)).toEqual([
      'CONNECTION_CONNECTED',
      'CONNECTION_DISCONNECTED',
    ]);
    await expect(getAccessToken(t.deps, result.connection.id, workspaceId)).rejects.toMatchObject({
      code: 'INTEGRATION_NOT_CONNECTED',
    });
  });

  it('deletes the credentials locally when the provider has no revocation endpoint', async () => {
    const start = await startAuthorization(t.deps, {
      provider: 'example_store',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'brand', id: randomUUID() },
      scopes: ['read:products'],
      accountHint: 'ionflux-demo',
      redirectUri: t.callbackUrl('example_store'),
      startUrl: t.startUrl('example_store'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    expect(await revoke(t.deps, result.connection)).toEqual({ revokedAtProvider: 'unsupported' });
    expect(
      await t.sql`select 1 from kit.connection_credentials where connection_id = ${result.connection.id}`,
    ).toHaveLength(0);
  });
});
