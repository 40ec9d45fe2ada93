import { randomUUID } from 'node:crypto';
import { type ExampleOAuthContext, startExampleOAuthContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginBrowserAuthorization } from './begin-browser-authorization.ts';
import { bindingCookieName, newBindingCookie } from './browser-binding-cookie.ts';
import { completeAuthorization } from './complete-authorization.ts';
import { STATE_TTL_MS, startAuthorization } from './start-authorization.ts';
import { hashState } from './state-token.ts';

// Driven by the `example_store` provider (accounts named up front, as stores are) against a standard
// OAuth 2.0 server: binding is the kit's, whichever provider's profile is in play.
describe('binding an OAuth flow to the browser that started it', () => {
  let t: ExampleOAuthContext;
  const workspaceId = randomUUID();
  const userId = randomUUID();
  beforeAll(async () => {
    t = await startExampleOAuthContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  const startShop = (shop = 'ionflux-demo') =>
    startAuthorization(t.deps, {
      provider: 'example_store',
      workspaceId,
      userId,
      owner: { type: 'brand', id: randomUUID() },
      scopes: ['read_products'],
      accountHint: shop,
      redirectUri: t.callbackUrl('example_store'),
      startUrl: t.startUrl('example_store'),
    });
  const open = (query: Record<string, string>, secure = false) =>
    beginBrowserAuthorization(t.deps, {
      key: t.keys.example_store,
      query,
      cookie: { path: '/oauth/example_store', secure },
      redirectUri: t.callbackUrl('example_store'),
      startUrl: t.startUrl('example_store'),
    });
  const stateRow = async (state: string) =>
    (
      await t.sql<
        { consumed_at: Date | null; started_at: Date | null; browser_binding_hash: string | null }[]
      >`
        select consumed_at, started_at, browser_binding_hash from kit.oauth_states
        where state_hash = ${hashState(state)}`
    )[0];
  const connectionsOf = async (shop: string) =>
    (
      await t.sql<{ n: number }[]>`
        select count(*)::int as n from kit.integration_connections where account_id = ${shop}`
    )[0]?.n;

  it('sets a signed HttpOnly, SameSite=Lax cookie scoped to the OAuth path, living as long as the state, and redirects to the consent page', async () => {
    const start = await startShop();
    const opened = await open({ state: start.state }, true);
    if (!opened.ok) throw new Error(opened.message);
    const consent = new URL(opened.authorizationUrl);
    expect(consent.origin + consent.pathname).toBe(`${t.store.url}/authorize`);
    expect(consent.searchParams.get('login_hint')).toBe('ionflux-demo');
    expect(new URL(opened.authorizationUrl).searchParams.get('state')).toBe(start.state);
    const [pair, ...attributes] = opened.setCookie.split('; ');
    expect(pair?.startsWith(`${bindingCookieName('example_store', start.state)}=`)).toBe(true);
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/oauth/example_store', 'HttpOnly', 'SameSite=Lax', 'Secure']),
    );
    const maxAge = Number(attributes.find((a) => a.startsWith('Max-Age='))?.slice(8));
    expect(maxAge).toBeGreaterThan(STATE_TTL_MS / 1000 - 10);
    expect(maxAge).toBeLessThanOrEqual(STATE_TTL_MS / 1000);
    // Only the nonce's hash is stored, never the cookie value.
    const row = await stateRow(start.state);
    expect(row?.browser_binding_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.setCookie).not.toContain(row?.browser_binding_hash);
    const plain = await open({ state: (await startShop()).state });
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.setCookie).not.toContain('Secure');
  });

  it('opens a start link once: a second open, in any browser, is refused FORBIDDEN', async () => {
    const start = await startShop();
    await t.browser().open(start.startUrl);
    expect(await open({ state: start.state })).toMatchObject({
      ok: false,
      reason: 'state_started',
      code: 'FORBIDDEN',
    });
    await expect(t.browser().open(start.startUrl)).rejects.toThrow(/state_started/);
  });

  it('refuses unknown, missing, expired and used links with INVALID_REQUEST', async () => {
    expect(await open({ state: 'forged' })).toMatchObject({
      reason: 'state_unknown',
      code: 'INVALID_REQUEST',
    });
    expect(await open({})).toMatchObject({ reason: 'link_invalid', code: 'INVALID_REQUEST' });
    expect(await open({ state: 'a', ticket: 'b' })).toMatchObject({ reason: 'link_invalid' });
    const expired = await startShop();
    await t.sql`update kit.oauth_states set expires_at = now() - interval '1 second'
      where state_hash = ${hashState(expired.state)}`;
    expect(await open({ state: expired.state })).toMatchObject({ reason: 'state_expired' });
    const used = await startShop();
    expect(await t.complete(used)).toMatchObject({ ok: true });
    expect(await open({ state: used.state })).toMatchObject({ reason: 'state_used' });
  });

  it('refuses a callback without the cookie, with a forged one, another flow’s or another nonce’s: nothing exchanged, the state still usable by the browser that started it', async () => {
    const shop = 'binding-test';
    const start = await startShop(shop);
    const browser = t.browser();
    const query = await t.approve(await browser.open(start.startUrl));
    const name = bindingCookieName('example_store', start.state);
    const other = await startShop('binding-other');
    const otherBrowser = t.browser();
    await otherBrowser.open(other.startUrl);
    const otherValue = otherBrowser.cookieHeader().split('=').slice(1).join('=');
    const calls = t.exchanges.length;
    for (const cookieHeader of [
      undefined,
      '',
      `${name}=`,
      `${name}=forged.value`,
      `${name}=${'a'.repeat(43)}.${'b'.repeat(43)}`,
      // Another flow's genuine cookie under this flow's name: its signature covers its own name.
      `${name}=${otherValue}`,
      otherBrowser.cookieHeader(),
      // Correctly signed for this flow, but not the nonce recorded when this flow's start was opened.
      `${name}=${newBindingCookie(t.keys.example_store, start.state).value}`,
    ]) {
      expect(
        await completeAuthorization(t.deps, query, { key: t.keys.example_store, cookieHeader }),
      ).toMatchObject({
        ok: false,
        reason: 'browser_mismatch',
        code: 'FORBIDDEN',
      });
    }
    // A cookie signed with another provider's key does not pass either.
    const otherSigned = newBindingCookie(t.keys.example, start.state).value;
    expect(
      await completeAuthorization(t.deps, query, {
        key: t.keys.example_store,
        cookieHeader: `${name}=${otherSigned}`,
      }),
    ).toMatchObject({ reason: 'browser_mismatch' });
    expect(t.exchanges.length).toBe(calls);
    expect(await connectionsOf(shop)).toBe(0);
    expect((await stateRow(start.state))?.consumed_at).toBeNull();

    const finished = await completeAuthorization(t.deps, query, {
      key: t.keys.example_store,
      cookieHeader: browser.cookieHeader(),
    });
    expect(finished).toMatchObject({ ok: true, connection: { account_id: shop, connected_by: userId } });
    expect(await connectionsOf(shop)).toBe(1);
  });

  it('accepts no callback for a state whose start link was never opened', async () => {
    const start = await startShop('never-opened');
    // The consent URL built by hand, as someone holding only the state could.
    const consent = t.deps.profiles['example_store']?.authorizationUrl({
      state: start.state,
      scopes: start.scopes,
      redirectUri: t.callbackUrl('example_store'),
      accountHint: 'never-opened',
    });
    const query = await t.approve(consent ?? '');
    const name = bindingCookieName('example_store', start.state);
    const forged = `${name}=${newBindingCookie(t.keys.example_store, start.state).value}`;
    expect(
      await completeAuthorization(t.deps, query, { key: t.keys.example_store, cookieHeader: forged }),
    ).toMatchObject({
      reason: 'browser_mismatch',
    });
    expect(await connectionsOf('never-opened')).toBe(0);
  });

  it('keeps two flows started in one browser apart', async () => {
    const browser = t.browser();
    const first = await startShop('two-flows-a');
    const second = await startShop('two-flows-b');
    const firstQuery = await t.approve(await browser.open(first.startUrl));
    const secondQuery = await t.approve(await browser.open(second.startUrl));
    const options = { key: t.keys.example_store, cookieHeader: browser.cookieHeader() };
    expect(await completeAuthorization(t.deps, secondQuery, options)).toMatchObject({ ok: true });
    expect(await completeAuthorization(t.deps, firstQuery, options)).toMatchObject({ ok: true });
  });
});
