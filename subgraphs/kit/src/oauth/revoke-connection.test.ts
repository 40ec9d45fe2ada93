import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccessToken } from './get-access-token.ts';
import { revoke } from './revoke-connection.ts';
import { startAuthorization } from './start-authorization.ts';
import { type OAuthTestContext, startOAuthTestContext } from './testing/oauth-test-context.ts';

describe('revoke (disconnect)', () => {
  let t: OAuthTestContext;
  const workspaceId = randomUUID();
  beforeAll(async () => {
    t = await startOAuthTestContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('revokes the TikTok grant at /v2/oauth/revoke/, deletes the credentials and marks the connection DISCONNECTED', async () => {
    const start = await startAuthorization(t.deps, {
      provider: 'tiktok',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'creator', id: randomUUID() },
      scopes: ['user.info.basic'],
      redirectUri: t.callbackUrl('tiktok'),
      startUrl: t.startUrl('tiktok'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    const token = await getAccessToken(t.deps, result.connection.id, workspaceId);
    t.tiktok.clearRequests();

    expect(await revoke(t.deps, result.connection)).toEqual({ revokedAtProvider: true });
    expect(t.tiktok.requests().map((r) => [r.path, r.status])).toEqual([['/v2/oauth/revoke/', 200]]);
    const me = await fetch(`${t.tiktok.url}/v2/user/info/?fields=open_id`, {
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

  it('deletes Shopify credentials locally (Shopify has no revoke endpoint: uninstalling revokes)', async () => {
    const start = await startAuthorization(t.deps, {
      provider: 'shopify',
      workspaceId,
      userId: randomUUID(),
      owner: { type: 'brand', id: randomUUID() },
      scopes: ['read_products'],
      accountHint: 'ionflux-demo.myshopify.com',
      redirectUri: t.callbackUrl('shopify'),
      startUrl: t.startUrl('shopify'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    expect(await revoke(t.deps, result.connection)).toEqual({ revokedAtProvider: 'unsupported' });
    expect(
      await t.sql`select 1 from kit.connection_credentials where connection_id = ${result.connection.id}`,
    ).toHaveLength(0);
  });
});
