import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { issueToken, parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { freePort, type RunningSubgraph } from '@ionflux/kit/server';
import { createTestDatabase, findPlaintext, type TestDatabase } from '@ionflux/testing/database';
import { CookieJar, postGraphQL } from '@ionflux/testing/http';
import { type StandardOAuthServer, startStandardOAuthServer } from '@ionflux/testing/oauth';
import { composeTestSupergraph } from '@ionflux/testing/subscriptions';
import { countStored } from '@ionflux/testing/webhooks';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstagramConfig } from '../../docs/examples/instagram/config.ts';
import { loadInstagramSdl } from '../../docs/examples/instagram/load-instagram-sdl.ts';
import { startInstagramSubgraph } from '../../docs/examples/instagram/start-instagram-subgraph.ts';

// The worked example of docs/adding-an-integration.md, run: an Instagram subgraph built with the kit
// (docs/examples/instagram/) on a fresh database, federated by the real gateway, connecting an account at
// the test suite's standard OAuth 2.0 server through its OAuth routes, reading the profile with the
// connection's token, and taking webhooks signed the way Meta signs them.

const APP = {
  clientId: 'ionflux-instagram-app',
  clientSecret: `ig-app-secret-${randomBytes(12).toString('hex')}`,
};
const CONNECTIONS = '{ instagramConnections { id brandId accountId displayName status scopes } }';
const PROFILE = 'query ($id: ID!) { instagramProfile(connectionId: $id) { id username name } }';
const START = `mutation ($brandId: ID!) {
  startInstagramConnection(brandId: $brandId, scopes: ["profile"]) { authorizationUrl state expiresAt }
}`;

let database: TestDatabase;
let oauthServer: StandardOAuthServer;
let tokenRecorder: { url: string; issued: string[]; close(): Promise<void> };
let subgraph: RunningSubgraph;
let gateway: RunningGateway;
let sql: postgres.Sql;
let publicUrl: string;
let token: string;
let otherWorkspaceToken: string;
let connectionId: string;
const logs: string[] = [];

/**
 * A pass-through in front of the OAuth server that keeps every token its `/token` endpoint issued, so the
 * test can look for them in the database (nothing in the example is patched to learn them).
 */
async function startTokenRecorder(target: string): Promise<typeof tokenRecorder> {
  const issued: string[] = [];
  const server: Server = createServer((req, res) => {
    const upstream = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          if (req.url === '/token' && answer.statusCode === 200) {
            const tokens = JSON.parse(body.toString()) as { access_token?: string; refresh_token?: string };
            for (const value of [tokens.access_token, tokens.refresh_token]) if (value) issued.push(value);
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(body);
        });
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What a person does at the provider: opens the consent page's form and presses Approve. */
async function approveAt(consentUrl: string): Promise<string> {
  const consent = new URL(consentUrl);
  const page = await fetch(consent);
  expect(page.status).toBe(200);
  const form = new URLSearchParams(consent.searchParams);
  form.set('decision', 'approve');
  const answer = await fetch(new URL('/authorize', consent), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const callback = answer.headers.get('location');
  if (answer.status !== 302 || !callback) throw new Error(`approving answered ${answer.status}`);
  return callback;
}

const sign = (body: string, secret = APP.clientSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const postWebhook = (body: string, headers: Record<string, string>) =>
  fetch(`${subgraph.url}/webhooks/instagram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  oauthServer = await startStandardOAuthServer({ ...APP, tokenPrefix: 'ig.' });
  tokenRecorder = await startTokenRecorder(oauthServer.url);
  const internalSecret = randomBytes(32).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  const logDestination = new PassThrough();
  logDestination.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
  // The callback URL is registered before the subgraph listens: take a free port for it first.
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  subgraph = await startInstagramSubgraph(
    parseInstagramConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      IONFLUX_IDENTITY_PUBLIC_KEY: identityPublicKeyFor(internalSecret),
      INSTAGRAM_SUBGRAPH_PORT: String(port),
      INSTAGRAM_APP_ID: APP.clientId,
      INSTAGRAM_APP_SECRET: APP.clientSecret,
      IONFLUX_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
      INSTAGRAM_OAUTH_ORIGIN: tokenRecorder.url,
      IONFLUX_PUBLIC_URL: publicUrl,
    }),
    { logDestination },
  );
  const supergraphSdl = composeTestSupergraph([
    { name: 'instagram', sdl: loadInstagramSdl(), graphqlUrl: subgraph.graphqlUrl },
  ]);
  gateway = await startGateway(
    parseGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: internalSecret,
    }),
    { logDestination, supergraphSdl, subgraphUrls: { instagram: subgraph.graphqlUrl } },
  );
  token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
  otherWorkspaceToken = await issueToken({
    secret: jwtSecret,
    workspaceId: randomUUID(),
    userId: randomUUID(),
  });
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await gateway?.close();
  await subgraph?.close();
  await tokenRecorder?.close();
  await oauthServer?.close();
  await database?.drop();
});

describe('the worked example of docs/adding-an-integration.md', () => {
  it('reads its env once and names every missing or bad key', () => {
    const parse = () =>
      parseInstagramConfig({
        DATABASE_URL: 'mysql://db',
        INSTAGRAM_SUBGRAPH_PORT: 'http',
        LOG_LEVEL: 'info',
      });
    expect(parse).toThrow(/DATABASE_URL/);
    expect(parse).toThrow(/INSTAGRAM_OAUTH_ORIGIN/);
    expect(parse).toThrow(/INSTAGRAM_SUBGRAPH_PORT/);
    expect(parse).toThrow(/IONFLUX_INTERNAL_SECRET/);
  });

  it('connects an account through the OAuth routes: start link, consent, callback in the same browser', async () => {
    const brandId = randomUUID();
    const started = await postGraphQL<{
      startInstagramConnection: { authorizationUrl: string; state: string };
    }>(gateway.url, START, { token, variables: { brandId } });
    expect(started.body.errors).toBeUndefined();
    const { authorizationUrl = '', state = '' } = started.body.data?.startInstagramConnection ?? {};
    expect(authorizationUrl).toBe(`${publicUrl}/oauth/instagram/start?state=${state}`);

    const browser = new CookieJar();
    const start = await browser.fetch(authorizationUrl);
    expect(start.status).toBe(302);
    expect(browser.names()).toHaveLength(1);
    const consent = start.headers.get('location') ?? '';
    expect(consent.startsWith(`${tokenRecorder.url}/authorize?`)).toBe(true);
    expect(new URL(consent).searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await approveAt(consent);
    expect(callback.startsWith(`${publicUrl}/oauth/instagram/callback?`)).toBe(true);

    // Another browser holding the callback URL (a leaked link) is refused, and the flow stays usable.
    const stranger = await new CookieJar().fetch(callback, { headers: { accept: 'application/json' } });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

    const done = await browser.fetch(callback);
    expect(done.status).toBe(200);
    const connected = (await done.json()) as { connected: boolean; connectionId: string };
    expect(connected.connected).toBe(true);
    connectionId = connected.connectionId;
    expect(browser.names()).toEqual([]);

    const listed = await postGraphQL<{ instagramConnections: Record<string, unknown>[] }>(
      gateway.url,
      CONNECTIONS,
      { token },
    );
    const account = oauthServer.accounts()[0];
    expect(listed.body.data?.instagramConnections).toEqual([
      {
        id: connectionId,
        brandId,
        accountId: account?.id,
        displayName: '@example_user',
        status: 'CONNECTED',
        scopes: ['profile'],
      },
    ]);
    // The same callback again: the state was consumed.
    expect((await browser.fetch(callback)).status).toBeGreaterThanOrEqual(400);
  });

  it('reads instagramProfile through the gateway with a JWT, with the connection’s token', async () => {
    const read = await postGraphQL<{ instagramProfile: unknown }>(gateway.url, PROFILE, {
      token,
      variables: { id: connectionId },
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.instagramProfile).toEqual({
      id: oauthServer.accounts()[0]?.id,
      username: 'example_user',
      name: '@example_user',
    });

    const anonymous = await postGraphQL(gateway.url, PROFILE, { variables: { id: connectionId } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    // Another workspace names the connection id: the kit scopes the token lookup to the caller's workspace.
    const foreign = await postGraphQL(gateway.url, PROFILE, {
      token: otherWorkspaceToken,
      variables: { id: connectionId },
    });
    expect(foreign.body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_NOT_CONNECTED');
    const foreignList = await postGraphQL<{ instagramConnections: unknown[] }>(gateway.url, CONNECTIONS, {
      token: otherWorkspaceToken,
    });
    expect(foreignList.body.data?.instagramConnections).toEqual([]);
  });

  it('keeps the issued tokens sealed in the database: no column holds one in any encoding', async () => {
    expect(tokenRecorder.issued.length).toBeGreaterThanOrEqual(2);
    const [stored] = await sql<{ count: number }[]>`
      select count(*)::int as count from kit.connection_credentials`;
    expect(stored?.count).toBe(1);
    expect(await findPlaintext(database.url, [...tokenRecorder.issued, APP.clientSecret])).toEqual([]);
    expect(logs.join('')).not.toContain(tokenRecorder.issued[0]);
  });

  it('refuses a webhook without a valid X-Hub-Signature-256 with 401 and stores nothing', async () => {
    const body = JSON.stringify({
      object: 'instagram',
      entry: [{ id: 'ig-1', time: 1, changes: [{ field: 'comments', value: {} }] }],
    });
    for (const headers of [
      {},
      { 'x-hub-signature-256': sign(body, 'not-the-app-secret') },
      { 'x-hub-signature-256': sign(`${body} `) },
      { 'x-hub-signature-256': sign(body).replace('sha256=', 'sha1=') },
    ]) {
      const answer = await postWebhook(body, headers);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await countStored(sql)).toEqual({ deliveries: 0, jobs: 0 });
  });

  it('stores a signed webhook once: its retry is recognised as a duplicate', async () => {
    const body = JSON.stringify({
      object: 'instagram',
      entry: [{ id: 'ig-1', time: 2, changes: [{ field: 'mentions', value: { media_id: '17' } }] }],
    });
    const first = await postWebhook(body, { 'x-hub-signature-256': sign(body) });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const retry = await postWebhook(body, { 'x-hub-signature-256': sign(body) });
    expect(await retry.json()).toEqual({ received: true, duplicate: true });
    expect(await countStored(sql)).toEqual({ deliveries: 1, jobs: 1 });
    const [row] = await sql<{ provider: string; topic: string; account_id: string }[]>`
      select provider, topic, account_id from kit.webhook_deliveries`;
    expect(row).toEqual({ provider: 'instagram', topic: 'mentions', account_id: 'ig-1' });
  });

  it('maps the provider’s errors to the unified codes: 503 → PROVIDER_UNAVAILABLE, a revoked grant → INTEGRATION_AUTH_INVALID', async () => {
    oauthServer.injectFault({ path: '/userinfo', status: 503 });
    const down = await postGraphQL(gateway.url, PROFILE, { token, variables: { id: connectionId } });
    expect(down.body.errors?.[0]?.extensions).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      provider: 'instagram',
    });

    oauthServer.revokeGrant(oauthServer.accounts()[0]?.id ?? '');
    const revoked = await postGraphQL(gateway.url, PROFILE, { token, variables: { id: connectionId } });
    expect(revoked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INTEGRATION_AUTH_INVALID',
      instagramCode: 'invalid_token',
    });
    const listed = await postGraphQL<{ instagramConnections: { status: string }[] }>(
      gateway.url,
      CONNECTIONS,
      {
        token,
      },
    );
    expect(listed.body.data?.instagramConnections[0]?.status).toBe('NEEDS_REAUTH');
  });
});
