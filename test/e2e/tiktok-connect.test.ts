import { randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { SEED_CREATOR_USERNAME, startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { launchBrowser, newLoopbackOnlyContext } from '@ionflux/testing/browser';
import { findPlaintext } from '@ionflux/testing/database';
import { CookieJar, postGraphQL } from '@ionflux/testing/http';
import { startSystem } from '@ionflux/testing/system';
import type { Browser } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15, spec 3.1: connecting a TikTok account through the gateway's mutations and OAuth routes
// against the TikTok simulator (Login Kit v2 with PKCE), and disconnecting it (revoke at TikTok).

const CLIENT_KEY = 'tiktok-e2e-client-key';
const CLIENT_SECRET = 'tiktok-e2e-client-secret-7c1d';
const ALL_USER_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats'];

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;
let sql: postgres.Sql;
let publicUrl: string;
const originalFetch = globalThis.fetch;
/** Every access and refresh token the app received from the simulator (for the plaintext scan). */
const issuedTokens: string[] = [];

const START = `mutation ($brandId: ID, $creatorId: ID, $scopes: [String!]) {
  startTikTokConnection(brandId: $brandId, creatorId: $creatorId, scopes: $scopes) { authorizationUrl state expiresAt }
}`;
const CONNECTIONS = `{ tiktokConnections { id openId username displayName avatarUrl followerCount status scopes ownerType } }`;
const DISCONNECT = `mutation ($id: ID!) { disconnectTikTokConnection(connectionId: $id) { id status } }`;
const NOTIFICATIONS = '{ workspaceNotifications { kind title } }';

interface Connection {
  id: string;
  openId: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  followerCount: number | null;
  status: string;
  scopes: string[];
  ownerType: string;
}

async function start(variables: Record<string, unknown>, token = system.token) {
  return postGraphQL<{
    startTikTokConnection: { authorizationUrl: string; state: string; expiresAt: string };
  }>(system.gatewayUrl, START, { token, variables });
}

/** Opens the start link in a cookie-keeping client, approves at the simulator as a script would. */
async function connectScripted(scopes: string[], token = system.token, username?: string) {
  const started = await start({ creatorId: randomUUID(), scopes }, token);
  const link = started.body.data?.startTikTokConnection.authorizationUrl ?? '';
  const jar = new CookieJar();
  const first = await jar.fetch(link);
  const consent = first.headers.get('location');
  if (first.status !== 302 || !consent) throw new Error(`the start route answered ${first.status}`);
  const callback = simulator.authorize(consent, { username });
  return { callback, jar, answer: await jar.fetch(callback) };
}

async function connections(token = system.token): Promise<Connection[]> {
  const answer = await postGraphQL<{ tiktokConnections: Connection[] }>(system.gatewayUrl, CONNECTIONS, {
    token,
  });
  return answer.body.data?.tiktokConnections ?? [];
}

async function notifications(token = system.token): Promise<{ kind: string; title: string }[]> {
  const answer = await postGraphQL<{ workspaceNotifications: { kind: string; title: string }[] }>(
    system.gatewayUrl,
    NOTIFICATIONS,
    { token },
  );
  return answer.body.data?.workspaceNotifications ?? [];
}

beforeAll(async () => {
  // The app's token exchanges go through the global fetch: keep what the simulator issued.
  globalThis.fetch = async (input, init) => {
    const answer = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/v2/oauth/token/') && answer.ok) {
      const body = (await answer.clone().json()) as { access_token?: string; refresh_token?: string };
      for (const token of [body.access_token, body.refresh_token]) if (token) issuedTokens.push(token);
    }
    return answer;
  };
  simulator = await startTikTokSimulator({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  [system, browser] = await Promise.all([
    startSystem({
      PORT: String(port),
      IONFLUX_PUBLIC_URL: publicUrl,
      TIKTOK_CLIENT_KEY: CLIENT_KEY,
      TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
      TIKTOK_AUTH_ORIGIN: simulator.url,
      TIKTOK_API_ORIGIN: simulator.url,
    }),
    launchBrowser(),
  ]);
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  globalThis.fetch = originalFetch;
  await browser?.close();
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('connecting a TikTok account through the gateway', () => {
  it('runs the whole PKCE flow in Chromium: Approve at TikTok, callback at the gateway, CONNECTED, mirrored and notified', async () => {
    const brandId = randomUUID();
    const started = await start({ brandId, scopes: ALL_USER_SCOPES });
    expect(started.body.errors).toBeUndefined();
    const { authorizationUrl, state } = started.body.data?.startTikTokConnection ?? {};
    expect(authorizationUrl).toBe(`${publicUrl}/oauth/tiktok/start?state=${state}`);

    const { context, offRequests } = await newLoopbackOnlyContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(authorizationUrl ?? '');
      const consent = new URL(page.url());
      expect(consent.origin + consent.pathname).toBe(`${simulator.url}/v2/auth/authorize/`);
      expect(consent.searchParams.get('client_key')).toBe(CLIENT_KEY);
      expect(consent.searchParams.get('scope')).toBe(ALL_USER_SCOPES.join(','));
      expect(consent.searchParams.get('response_type')).toBe('code');
      expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
      expect(consent.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(consent.searchParams.get('redirect_uri')).toBe(`${publicUrl}/oauth/tiktok/callback`);
      const cookies = await context.cookies(`${publicUrl}/oauth/tiktok/callback`);
      expect(cookies.map(({ httpOnly, sameSite }) => ({ httpOnly, sameSite }))).toEqual([
        { httpOnly: true, sameSite: 'Lax' },
      ]);
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.waitForURL(`${publicUrl}/oauth/tiktok/callback?**`);
      await expect.poll(() => page.textContent('h1')).toBe('TikTok account connected');
      expect(offRequests).toEqual([]);
    } finally {
      await context.close();
    }

    const creator = simulator.users().find((user) => user.username === SEED_CREATOR_USERNAME);
    const [connection] = await connections();
    expect(connection).toMatchObject({
      openId: creator?.openId,
      username: SEED_CREATOR_USERNAME,
      displayName: creator?.displayName,
      status: 'CONNECTED',
      ownerType: 'BRAND',
    });
    expect(connection?.scopes.sort()).toEqual([...ALL_USER_SCOPES].sort());
    expect(connection?.followerCount).toEqual(expect.any(Number));
    expect(connection?.avatarUrl).toEqual(expect.any(String));
    const [mirror] = await sql`
      select video_count, following_count, likes_count from tiktok.accounts where connection_id = ${connection?.id ?? ''}`;
    expect(mirror?.['video_count']).toBe(creator?.videoCount);
    expect(await notifications()).toContainEqual({
      kind: 'CONNECTION_CONNECTED',
      title: expect.stringContaining(creator?.displayName ?? '?'),
    });
  }, 60_000);

  it('keeps no token readable in the database', async () => {
    expect(issuedTokens.length).toBeGreaterThan(0);
    expect(await findPlaintext(system.databaseUrl, issuedTokens)).toEqual([]);
  });

  it('refuses a callback brought back by another browser (no binding cookie): 403, nothing consumed or stored', async () => {
    const token = await system.tokenFor(randomUUID());
    const started = await start({ creatorId: randomUUID() }, token);
    const jar = new CookieJar();
    const first = await jar.fetch(started.body.data?.startTikTokConnection.authorizationUrl ?? '');
    const callback = simulator.authorize(first.headers.get('location') ?? '');
    simulator.clearRequests();
    const stranger = await fetch(callback, { headers: { accept: 'application/json' }, redirect: 'manual' });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    // No code exchange happened and the workspace has no connection.
    expect(simulator.requests().map((request) => request.path)).not.toContain('/v2/oauth/token/');
    expect(await connections(token)).toEqual([]);
    // The browser that started it still completes.
    expect((await jar.fetch(callback)).status).toBe(200);
    expect((await connections(token)).map((c) => c.status)).toEqual(['CONNECTED']);
  });

  it('asks for user.info.basic only when no scopes are named, and mirrors what that scope allows', async () => {
    const token = await system.tokenFor(randomUUID());
    // An account of its own: TikTok's token answer lists every scope the user ever granted the app.
    const { username } = simulator.addCreator('basic_only_creator', 2);
    const { callback, answer } = await connectScripted([], token, username);
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    expect(answer.status).toBe(200);
    const [connection] = await connections(token);
    expect(connection?.scopes).toEqual(['user.info.basic']);
    expect(connection).toMatchObject({ username: null, followerCount: null, status: 'CONNECTED' });
    expect(connection?.displayName).toBeTruthy();
  });

  it('refuses a start with both or neither owner (INVALID_REQUEST), and a caller-chosen non-UUID owner', async () => {
    for (const variables of [{}, { brandId: randomUUID(), creatorId: randomUUID() }, { brandId: 'x' }]) {
      const answer = await start(variables);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(answer.body.data).toBeNull();
    }
  });

  it('disconnecting revokes the token at TikTok, forgets it, marks DISCONNECTED and notifies', async () => {
    const token = await system.tokenFor(randomUUID());
    await connectScripted(['user.info.basic'], token);
    const [connection] = await connections(token);
    simulator.clearRequests();
    const answer = await postGraphQL<{ disconnectTikTokConnection: { id: string; status: string } }>(
      system.gatewayUrl,
      DISCONNECT,
      { token, variables: { id: connection?.id } },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.disconnectTikTokConnection).toEqual({
      id: connection?.id,
      status: 'DISCONNECTED',
    });
    expect(simulator.requests().map((request) => [request.path, request.status])).toEqual([
      ['/v2/oauth/revoke/', 200],
    ]);
    expect(
      await sql`select 1 from kit.connection_credentials where connection_id = ${connection?.id ?? ''}`,
    ).toHaveLength(0);
    expect((await notifications(token)).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['CONNECTION_CONNECTED', 'CONNECTION_DISCONNECTED']),
    );
  });

  it('answers NOT_FOUND when disconnecting a connection of another workspace', async () => {
    const [mine] = await connections();
    const stranger = await system.tokenFor(randomUUID());
    const answer = await postGraphQL(system.gatewayUrl, DISCONNECT, {
      token: stranger,
      variables: { id: mine?.id },
    });
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await connections())[0]?.status).toBe('CONNECTED');
  });
});
