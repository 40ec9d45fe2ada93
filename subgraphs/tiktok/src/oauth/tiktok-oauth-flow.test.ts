import { randomUUID } from 'node:crypto';
import type { BusEvent } from '@ionflux/kit/events';
import { notificationsTopic } from '@ionflux/kit/notifications';
import {
  completeAuthorization,
  getAccessToken,
  hashState,
  revoke,
  STATE_TTL_MS,
  startAuthorization,
} from '@ionflux/kit/oauth';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox';
import { type OAuthTestContext, startOAuthTestContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTikTokOAuthProfile } from './tiktok-profile.ts';

// TikTok's profile with the kit's OAuth functions, against the protocol-faithful simulator: the profile's
// wire (Login Kit v2, PKCE, /v2/oauth/revoke/) working end to end. The kit's own tests drive the same
// functions with a provider of the test-support package.

const TIKTOK_APP = { clientKey: 'ionflux-test-key', clientSecret: 'tiktok-secret-3f9a7c1d2e' };

describe('TikTok OAuth with the kit against the TikTok simulator', () => {
  let t: OAuthTestContext<'tiktok'> & { tiktok: TikTokSimulator };
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const brandId = randomUUID();
  const published: BusEvent[] = [];
  beforeAll(async () => {
    const tiktok = await startTikTokSimulator({ ...TIKTOK_APP, seed: false });
    const profile = createTikTokOAuthProfile({
      ...TIKTOK_APP,
      authOrigin: tiktok.url,
      apiOrigin: tiktok.url,
    });
    const context = await startOAuthTestContext({ tiktok: { profile, appSecret: TIKTOK_APP.clientSecret } });
    t = Object.assign(context, { tiktok });
    await t.bus.subscribe(notificationsTopic(workspaceId), (event) => published.push(event));
  });
  afterAll(async () => {
    await t?.close();
    await t?.tiktok.close();
  });

  const startTikTok = (scopes = ['user.info.basic']) =>
    startAuthorization(t.deps, {
      provider: 'tiktok',
      workspaceId,
      userId,
      owner: { type: 'creator', id: brandId },
      scopes,
      redirectUri: t.callbackUrl('tiktok'),
      startUrl: t.startUrl('tiktok'),
    });

  it('connects TikTok with PKCE: authorize → approve → callback → exchange → sealed tokens', async () => {
    const start = await startTikTok(['user.info.basic', 'video.list']);
    const link = new URL(start.startUrl);
    expect(link.origin + link.pathname).toBe(t.startUrl('tiktok'));
    expect(link.searchParams.get('state')).toBe(start.state);
    const browser = t.browser();
    const url = new URL(await browser.open(start.startUrl));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(start.state);
    expect(start.expiresAt.getTime() - Date.now()).toBeGreaterThan(STATE_TTL_MS - 5000);
    const stored =
      await t.sql`select state_hash, code_verifier_ciphertext, scopes from kit.oauth_states where state_hash = ${hashState(start.state)}`;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.['code_verifier_ciphertext']).toBeInstanceOf(Buffer);

    const query = await t.approve(url.toString());
    expect(query['code']).toBeTruthy();
    const result = await completeAuthorization(t.deps, query, {
      key: t.keys.tiktok,
      cookieHeader: browser.cookieHeader(),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.created).toBe(true);
    expect(result.connection.connected_by).toBe(userId);
    expect(result.connection).toMatchObject({ status: 'CONNECTED', provider: 'tiktok', owner_id: brandId });
    expect(result.connection.scopes.sort()).toEqual(['user.info.basic', 'video.list']);
    const user = t.tiktok.users()[0];
    expect(result.connection.account_id).toBe(user?.openId);
    expect(result.connection.display_name).toBe(user?.displayName);
    // The exchange sent the verifier matching the challenge (the simulator rejects otherwise) and the token works.
    const token = await getAccessToken(t.deps, result.connection.id, workspaceId);
    const me = await fetch(`${t.tiktok.url}/v2/user/info/?fields=open_id`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(await t.notifications(result.connection.id)).toEqual([{ kind: 'CONNECTION_CONNECTED' }]);
    await vi.waitFor(() =>
      expect(published.map((event) => event.payload)).toContainEqual(
        expect.objectContaining({ kind: 'CONNECTION_CONNECTED', connectionId: result.connection.id }),
      ),
    );
  });

  describe('revoke (disconnect)', () => {
    // A workspace of its own: reconnecting the account above would reuse its connection and notices.
    const workspaceId = randomUUID();

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
  });
});
