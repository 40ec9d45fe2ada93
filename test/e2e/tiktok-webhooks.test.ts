import { randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator, webhookSignature } from '@ionflux/sandbox/tiktok';
import { CookieJar, postGraphQL } from '@ionflux/testing/http';
import { startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Issue 15 "Webhooks": POST /webhooks/tiktok at the gateway verifies TikTok-Signature before storing
// anything, deduplicates, and applies authorization.removed (→ NEEDS_REAUTH and a notification).

const CLIENT_KEY = 'tiktok-webhook-client-key';
const CLIENT_SECRET = 'tiktok-webhook-client-secret-55e2';

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;
let webhookUrl: string;

const START = `mutation ($creatorId: ID) { startTikTokConnection(creatorId: $creatorId) { authorizationUrl } }`;
const CONNECTIONS = '{ tiktokConnections { id status } }';

async function storedDeliveries(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from kit.webhook_deliveries where provider = 'tiktok'`;
  return row?.n ?? 0;
}

async function connect(username: string): Promise<string> {
  const token = await system.tokenFor(randomUUID());
  const started = await postGraphQL<{ startTikTokConnection: { authorizationUrl: string } }>(
    system.gatewayUrl,
    START,
    { token, variables: { creatorId: randomUUID() } },
  );
  const jar = new CookieJar();
  const first = await jar.fetch(started.body.data?.startTikTokConnection.authorizationUrl ?? '');
  const answer = await jar.fetch(simulator.authorize(first.headers.get('location') ?? '', { username }));
  expect(answer.status).toBe(200);
  return token;
}

function post(body: string, signature: string | undefined) {
  return fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'tiktok-signature': signature } : {}) },
    body,
  });
}

beforeAll(async () => {
  simulator = await startTikTokSimulator({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const port = await freePort();
  system = await startSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
  });
  webhookUrl = new URL('/webhooks/tiktok', system.gatewayUrl).toString();
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('TikTok webhooks through the gateway', () => {
  it('a bad, missing or stale TikTok-Signature gets 401 and stores nothing', async () => {
    const body = JSON.stringify({
      client_key: CLIENT_KEY,
      event: 'authorization.removed',
      create_time: Math.floor(Date.now() / 1000),
      user_openid: 'forged-open-id',
      content: '{"reason":1}',
    });
    const now = Math.floor(Date.now() / 1000);
    const good = webhookSignature(CLIENT_SECRET, now, body);
    const tampered = good.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const wrongKey = webhookSignature('not-the-secret', now, body);
    const stale = webhookSignature(CLIENT_SECRET, now - 3600, body);
    for (const signature of [tampered, wrongKey, stale, undefined, 't=abc,s=def']) {
      expect((await post(body, signature)).status).toBe(401);
    }
    // The signed body with another body is refused too.
    expect((await post(body.replace('forged', 'other'), good)).status).toBe(401);
    expect(await storedDeliveries()).toBe(0);
  });

  it('a delivery sent twice is stored once', async () => {
    const body = JSON.stringify({
      client_key: CLIENT_KEY,
      event: 'post.publish.complete',
      create_time: Math.floor(Date.now() / 1000),
      user_openid: 'some-open-id',
      content: '{"publish_id":"v_pub_file~v2.1","publish_type":"DIRECT_PUBLISH"}',
    });
    const signature = webhookSignature(CLIENT_SECRET, Math.floor(Date.now() / 1000), body);
    const before = await storedDeliveries();
    expect((await post(body, signature)).status).toBe(200);
    expect((await post(body, signature)).status).toBe(200);
    expect(await storedDeliveries()).toBe(before + 1);
  });

  it('a revocation at the simulator (authorization.removed webhook) leads to NEEDS_REAUTH and a notification', async () => {
    const creator = simulator.addCreator('webhook_revoked_creator', 1);
    const token = await connect(creator.username);
    simulator.setWebhookUrl(webhookUrl);
    simulator.clearRequests();
    expect(simulator.revokeGrant(creator.openId)).toBe(true);
    await vi.waitFor(
      async () => {
        const listed = await postGraphQL<{ tiktokConnections: { status: string }[] }>(
          system.gatewayUrl,
          CONNECTIONS,
          { token },
        );
        expect(listed.body.data?.tiktokConnections[0]?.status).toBe('NEEDS_REAUTH');
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(simulator.webhookDeliveries().map((d) => [d.event, d.status])).toEqual([
      ['authorization.removed', 200],
    ]);
    // Applied from the webhook alone: the app made no API call.
    expect(simulator.requests()).toEqual([]);
    const notices = await postGraphQL<{ workspaceNotifications: { kind: string }[] }>(
      system.gatewayUrl,
      '{ workspaceNotifications { kind } }',
      { token },
    );
    expect(notices.body.data?.workspaceNotifications.map((n) => n.kind)).toContain('CONNECTION_NEEDS_REAUTH');
    simulator.setWebhookUrl(undefined);
  }, 30_000);
});
