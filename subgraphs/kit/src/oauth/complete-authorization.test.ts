import { randomUUID } from 'node:crypto';
import { type ExampleOAuthContext, startExampleOAuthContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BusEvent } from '../events/index.ts';
import { notificationsTopic } from '../notifications/index.ts';
import { completeAuthorization } from './complete-authorization.ts';
import { getAccessToken } from './get-access-token.ts';
import { pruneOAuthStates } from './prune-oauth-states.ts';
import { STATE_TTL_MS, startAuthorization } from './start-authorization.ts';
import { hashState } from './state-token.ts';

// The kit's flow with a provider of each flavour (test support's `example` and `example_store`) against a
// standard OAuth 2.0 server. Each subgraph tests its own profile with the kit against its simulator.
describe('OAuth authorization-code flow against a standard OAuth 2.0 provider', () => {
  let t: ExampleOAuthContext;
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const brandId = randomUUID();
  const published: BusEvent[] = [];
  beforeAll(async () => {
    t = await startExampleOAuthContext();
    await t.bus.subscribe(notificationsTopic(workspaceId), (event) => published.push(event));
  });
  afterAll(async () => {
    await t?.close();
  });

  const startExample = (scopes = ['read:profile']) =>
    startAuthorization(t.deps, {
      provider: 'example',
      workspaceId,
      userId,
      owner: { type: 'creator', id: brandId },
      scopes,
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });

  it('connects with PKCE: authorize → approve → callback → exchange → sealed tokens', async () => {
    const start = await startExample(['read:profile', 'read:videos']);
    const link = new URL(start.startUrl);
    expect(link.origin + link.pathname).toBe(t.startUrl('example'));
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
      key: t.keys.example,
      cookieHeader: browser.cookieHeader(),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.created).toBe(true);
    expect(result.connection.connected_by).toBe(userId);
    expect(result.connection).toMatchObject({ status: 'CONNECTED', provider: 'example', owner_id: brandId });
    expect(result.connection.scopes.sort()).toEqual(['read:profile', 'read:videos']);
    const user = t.example.accounts()[0];
    expect(result.connection.account_id).toBe(user?.id);
    expect(result.connection.display_name).toBe(user?.displayName);
    // The exchange sent the verifier matching the challenge (the server rejects otherwise) and the token works.
    const token = await getAccessToken(t.deps, result.connection.id, workspaceId);
    const me = await fetch(`${t.example.url}/userinfo`, {
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

  it('reconnecting the same account updates the connection instead of adding one', async () => {
    const first = await t.complete(await startExample());
    const second = await t.complete(await startExample());
    if (!first.ok || !second.ok) throw new Error('flow failed');
    expect(second.created).toBe(false);
    expect(second.connection.id).toBe(first.connection.id);
    const rows =
      await t.sql`select count(*)::int as n from kit.integration_connections where workspace_id = ${workspaceId} and provider = 'example'`;
    expect(rows[0]?.['n']).toBe(1);
    const versions =
      await t.sql`select version from kit.connection_credentials where connection_id = ${first.connection.id}`;
    expect(versions[0]?.['version']).toBeGreaterThan(1);
    // Authorised again while connected (more scopes, say): no second "connected" to announce. After the
    // connection lost its access, connecting again is news.
    expect(await t.notifications(first.connection.id)).toEqual([{ kind: 'CONNECTION_CONNECTED' }]);
    await t.sql`update kit.integration_connections set status = 'NEEDS_REAUTH' where id = ${first.connection.id}`;
    const third = await t.complete(await startExample());
    if (!third.ok) throw new Error('flow failed');
    expect(await t.notifications(first.connection.id)).toEqual([
      { kind: 'CONNECTION_CONNECTED' },
      { kind: 'CONNECTION_CONNECTED' },
    ]);
  });

  it('accepts a state once: replaying the callback is state_used and exchanges nothing', async () => {
    const { query, options } = await t.authorize(await startExample());
    const results = await Promise.all([
      completeAuthorization(t.deps, query, options),
      completeAuthorization(t.depsOnSecondPool, query, options),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'state_used' });
    const again = await completeAuthorization(t.deps, query, options);
    expect(again).toMatchObject({ ok: false, reason: 'state_used' });
  });

  it('does not serve a connection id that is not a UUID (not found, not a SQL error)', async () => {
    await expect(getAccessToken(t.deps, 'not-a-uuid', workspaceId)).rejects.toMatchObject({
      code: 'INTEGRATION_NOT_CONNECTED',
    });
  });

  it('with the callback’s user known, a state another user started is unknown and stays usable by its owner', async () => {
    const { query, options } = await t.authorize(await startExample());
    expect(await completeAuthorization(t.deps, query, { ...options, userId: randomUUID() })).toMatchObject({
      ok: false,
      reason: 'state_unknown',
    });
    expect(await completeAuthorization(t.deps, query, { ...options, userId })).toMatchObject({ ok: true });
  });

  it('rejects an unknown state and a missing one', async () => {
    const options = { key: t.keys.example, cookieHeader: undefined };
    expect(await completeAuthorization(t.deps, { state: 'forged', code: 'x' }, options)).toMatchObject({
      reason: 'state_unknown',
      code: 'INVALID_REQUEST',
    });
    expect(await completeAuthorization(t.deps, { code: 'x' }, options)).toMatchObject({
      reason: 'state_unknown',
    });
  });

  it('rejects a state older than ten minutes (injected clock) without calling the provider', async () => {
    const { query, options } = await t.authorize(await startExample());
    const calls = t.exchanges.length;
    const later = { ...t.deps, now: () => new Date(Date.now() + STATE_TTL_MS + 1000) };
    expect(await completeAuthorization(later, query, options)).toMatchObject({
      ok: false,
      reason: 'state_expired',
    });
    expect(t.exchanges.length).toBe(calls);
  });

  it('pruneOAuthStates deletes states a day past expiry and keeps recent ones', async () => {
    const start = await startExample();
    const inTwoDays = { ...t.deps, now: () => new Date(Date.now() + 2 * 24 * 3600_000) };
    expect(await pruneOAuthStates(t.deps)).toBe(0);
    expect(await pruneOAuthStates(inTwoDays)).toBeGreaterThanOrEqual(1);
    expect(
      await t.sql`select 1 from kit.oauth_states where state_hash = ${hashState(start.state)}`,
    ).toHaveLength(0);
  });

  it('reports a denial as provider_denied', async () => {
    const { query, options } = await t.authorize(await startExample(), { fields: { decision: 'deny' } });
    expect(query['error']).toBe('access_denied');
    expect(await completeAuthorization(t.deps, query, options)).toMatchObject({
      ok: false,
      reason: 'provider_denied',
    });
  });

  it('rejects a state of another provider on this provider’s callback', async () => {
    const { query, options } = await t.authorize(await startExample());
    expect(
      await completeAuthorization(t.deps, query, { ...options, key: t.keys.example_store }),
    ).toMatchObject({
      reason: 'state_unknown',
    });
  });

  describe('an account named up front (example_store)', () => {
    const startStore = (handle: string) =>
      startAuthorization(t.deps, {
        provider: 'example_store',
        workspaceId,
        userId,
        owner: { type: 'brand', id: brandId },
        scopes: ['read:products', 'read:orders'],
        accountHint: handle,
        redirectUri: t.callbackUrl('example_store'),
        startUrl: t.startUrl('example_store'),
      });

    it('connects the named account with an expiring token and refresh token (no PKCE)', async () => {
      const start = await startStore('IONFLUX-DEMO');
      const browser = t.browser();
      const authorizationUrl = await browser.open(start.startUrl);
      const consent = new URL(authorizationUrl);
      expect(consent.origin + consent.pathname).toBe(`${t.store.url}/authorize`);
      expect(consent.searchParams.get('login_hint')).toBe('ionflux-demo');
      expect(new URL(authorizationUrl).searchParams.has('code_challenge')).toBe(false);
      const query = await t.approve(authorizationUrl);
      expect(query['account']).toBe('ionflux-demo');
      const result = await completeAuthorization(t.deps, query, {
        key: t.keys.example_store,
        cookieHeader: browser.cookieHeader(),
      });
      if (!result.ok) throw new Error(result.message);
      expect(result.connection).toMatchObject({
        account_id: 'ionflux-demo',
        status: 'CONNECTED',
      });
      expect(result.connection.scopes.sort()).toEqual(['read:orders', 'read:products']);
      const rows =
        await t.sql`select access_token_expires_at, refresh_token_ciphertext from kit.connection_credentials where connection_id = ${result.connection.id}`;
      expect(rows[0]?.['access_token_expires_at']).toBeInstanceOf(Date);
      expect(rows[0]?.['refresh_token_ciphertext']).toBeInstanceOf(Buffer);
    });

    it('refuses a callback for another account than the one the state was made for', async () => {
      const start = await startStore('ionflux-demo');
      const browser = t.browser();
      const elsewhere = new URL(await browser.open(start.startUrl));
      elsewhere.searchParams.set('login_hint', 'other-store');
      const calls = t.exchanges.length;
      const result = await completeAuthorization(t.deps, await t.approve(elsewhere.toString()), {
        key: t.keys.example_store,
        cookieHeader: browser.cookieHeader(),
      });
      expect(result).toMatchObject({ ok: false, reason: 'account_mismatch' });
      expect(t.exchanges.length).toBe(calls);
    });

    it('refuses an account name the profile does not accept before storing anything', async () => {
      await expect(startStore('evil.example.com')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    });

    it('reports a code the provider refuses as exchange_failed', async () => {
      const start = await startStore('ionflux-demo');
      const { query, options } = await t.authorize(start);
      const result = await completeAuthorization(t.deps, { ...query, code: 'not-a-code' }, options);
      expect(result).toMatchObject({ ok: false, reason: 'exchange_failed' });
    });
  });
});
