import { randomBytes, randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import { sampleValue } from '@ionflux/testing/metrics';
import { connectTikTokAccount, startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Spec 4.E for TikTok, through the gateway: a connected account whose API calls start failing (the
// simulator answers 503) turns DEGRADED with the code and the workspace is told once; TikTok answers
// again, the account is HEALTHY and the workspace is told it recovered. Token refreshes count as calls
// of their own kind; our own pacer's refusals, which never reach TikTok, do not count.

const CLIENT_KEY = 'tiktok-health-client-key';
const CLIENT_SECRET = 'tiktok-health-client-secret-5c3e';

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;

interface ConnectionHealthView {
  id: string;
  provider: string;
  status: string;
  health: string;
  healthReason: string | null;
  lastSuccessfulCallAt: string | null;
  lastFailedCallAt: string | null;
  recentCallCount: number;
  recentErrorRate: number | null;
  recentErrorCodes: string[];
}

interface Account {
  token: string;
  id: string;
  openId: string;
}

/** A fresh workspace with one TikTok account connected through the gateway. */
async function connect(username: string, scopes = ['user.info.basic']): Promise<Account> {
  const creator = simulator.addCreator(username, 1);
  const token = await system.tokenFor(randomUUID());
  const id = await connectTikTokAccount({
    gatewayUrl: system.gatewayUrl,
    simulator,
    token,
    creatorId: randomUUID(),
    scopes,
    username,
  });
  return { token, id, openId: creator.openId };
}

const gql = <Data>(account: Account, text: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<Data>(system.gatewayUrl, text, { token: account.token, variables });

async function connection(account: Account): Promise<ConnectionHealthView> {
  const { body } = await gql<{ integrationConnections: ConnectionHealthView[] }>(
    account,
    /* GraphQL */ `
      {
        integrationConnections {
          id provider status health healthReason lastSuccessfulCallAt lastFailedCallAt
          recentCallCount recentErrorRate recentErrorCodes
        }
      }
    `,
  );
  expect(body.errors).toBeUndefined();
  const found = body.data?.integrationConnections.find((c) => c.id === account.id);
  if (!found) throw new Error('the connection is not listed');
  return found;
}

async function notifications(
  account: Account,
): Promise<{ kind: string; message: string; connectionId: string }[]> {
  const { body } = await gql<{
    workspaceNotifications: { kind: string; message: string; connectionId: string }[];
  }>(account, '{ workspaceNotifications(first: 50) { kind message connectionId } }');
  expect(body.errors).toBeUndefined();
  return body.data?.workspaceNotifications ?? [];
}

const readProfile = (account: Account) =>
  gql<{ tiktokProfile: { displayName: string } | null }>(
    account,
    'query ($id: ID!) { tiktokProfile(connectionId: $id) { displayName } }',
    { id: account.id },
  );

/** The calls recorded for a connection, oldest first, as written to kit.connection_calls. */
const recordedCalls = (connectionId: string) =>
  sql<{ ok: boolean; code: string | null; kind: string }[]>`
    select ok, code, kind from kit.connection_calls where connection_id = ${connectionId} order by at, id`;

async function healthMetric(health: string): Promise<number | undefined> {
  const text = await (await fetch(`${system.subgraphs.tiktok.adminUrl}/metrics`)).text();
  return sampleValue(text, 'ionflux_integration_connections', { provider: 'tiktok', health });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  simulator = await startTikTokSimulator({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const port = await freePort();
  system = await startSystem({
    PORT: String(port),
    ADMIN_PORT: '0',
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
  });
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('TikTok connection health (spec 4.E)', () => {
  let account: Account;

  it('is HEALTHY with a last successful call once connected: the account sync after the callback counted', async () => {
    account = await connect('health_creator');
    await vi.waitFor(async () => expect((await connection(account)).recentCallCount).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 200,
    });
    const view = await connection(account);
    expect(view).toMatchObject({
      provider: 'TIKTOK',
      status: 'CONNECTED',
      health: 'HEALTHY',
      healthReason: null,
      recentErrorCodes: [],
    });
    expect(view.recentErrorRate).toBe(0);
    expect(view.lastSuccessfulCallAt).not.toBeNull();
    expect(view.lastFailedCallAt).toBeNull();
    expect(await recordedCalls(account.id)).toEqual([{ ok: true, code: null, kind: 'api' }]);
  });

  it('turns DEGRADED with the error code and notifies once when TikTok answers 5xx', async () => {
    const { body } = await readProfile(account);
    expect(body.errors).toBeUndefined();
    await pause(700);
    const before = await connection(account);
    expect(before.health).toBe('HEALTHY');
    expect(before.recentCallCount).toBe(2);

    simulator.injectFault({ path: '/v2/user/info/', status: 503, times: 1000 });
    let view = before;
    for (let reads = 0; view.health !== 'DEGRADED' && reads < 20; reads++) {
      const failed = await readProfile(account);
      expect(failed.body.errors?.[0]?.extensions?.['code']).toBe('PROVIDER_UNAVAILABLE');
      // Calls are written and judged within half a second.
      await pause(700);
      view = await connection(account);
    }
    expect(view).toMatchObject({ status: 'CONNECTED', health: 'DEGRADED' });
    expect(view.healthReason).toMatch(
      /^\d+ of the last \d+ calls in 15 min failed \(PROVIDER_UNAVAILABLE\)$/,
    );
    expect(view.recentErrorCodes).toEqual(['PROVIDER_UNAVAILABLE']);
    expect(view.recentErrorRate).toBeGreaterThanOrEqual(0.5);
    // Two successes, then failures until half failed with at least three calls: exactly two failures.
    expect(view.recentCallCount).toBe(4);
    expect(view.lastSuccessfulCallAt).toBe(before.lastSuccessfulCallAt);
    expect(Date.parse(view.lastFailedCallAt ?? '')).toBeGreaterThan(
      Date.parse(view.lastSuccessfulCallAt ?? ''),
    );

    // More failures change nothing more: one notification for the change.
    await readProfile(account);
    await pause(800);
    const degraded = (await notifications(account)).filter((n) => n.kind === 'CONNECTION_DEGRADED');
    expect(degraded).toHaveLength(1);
    expect(degraded[0]?.connectionId).toBe(account.id);
    expect(degraded[0]?.message).toContain('PROVIDER_UNAVAILABLE');
    expect(await healthMetric('DEGRADED')).toBe(1);
  }, 60_000);

  it('is HEALTHY again, says it recovered, and its last successful call moves once TikTok answers', async () => {
    simulator.clearFaults();
    const degraded = await connection(account);
    let view = degraded;
    for (let reads = 0; view.health !== 'HEALTHY' && reads < 10; reads++) {
      const { body } = await readProfile(account);
      expect(body.errors).toBeUndefined();
      await pause(700);
      view = await connection(account);
    }
    expect(view).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', healthReason: null });
    expect(Date.parse(view.lastSuccessfulCallAt ?? '')).toBeGreaterThan(
      Date.parse(degraded.lastSuccessfulCallAt ?? ''),
    );
    expect(Date.parse(view.lastSuccessfulCallAt ?? '')).toBeGreaterThan(
      Date.parse(view.lastFailedCallAt ?? ''),
    );
    // The failures are still in the window; the last calls succeeding is what brought it back.
    expect(view.recentErrorCodes).toEqual(['PROVIDER_UNAVAILABLE']);
    const kinds = (await notifications(account)).map((n) => n.kind);
    expect(kinds.filter((kind) => kind === 'CONNECTION_RECOVERED')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'CONNECTION_DEGRADED')).toHaveLength(1);
    expect(await healthMetric('HEALTHY')).toBe(1);
    expect(await healthMetric('DEGRADED')).toBeUndefined();
  }, 60_000);

  it('counts the token refresh TikTok’s refusal of an access token forced as a refresh, and the call that followed', async () => {
    const other = await connect('refresh_creator');
    await vi.waitFor(async () => expect(await recordedCalls(other.id)).toHaveLength(1), { timeout: 5_000 });
    expect(simulator.expireTokens({ openId: other.openId, kind: 'access' })).toBe(1);
    const { body } = await readProfile(other);
    expect(body.errors).toBeUndefined();
    await vi.waitFor(async () => expect(await recordedCalls(other.id)).toHaveLength(3), { timeout: 5_000 });
    // TikTok refused the first try; the retry with the refreshed token is the one call that counts.
    expect(await recordedCalls(other.id)).toEqual([
      { ok: true, code: null, kind: 'api' },
      { ok: true, code: null, kind: 'refresh' },
      { ok: true, code: null, kind: 'api' },
    ]);
    expect((await connection(other)).health).toBe('HEALTHY');
  }, 60_000);

  it('counts TikTok’s own rate limit, but not the refusals of our pacer that never reach TikTok', async () => {
    const other = await connect('pacer_creator');
    await vi.waitFor(async () => expect(await recordedCalls(other.id)).toHaveLength(1), { timeout: 5_000 });
    simulator.injectFault({ path: '/v2/user/info/', status: 429 });
    const limited = await readProfile(other);
    expect(limited.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    simulator.clearRequests();
    // TikTok said wait: the pacer keeps the next calls here, and TikTok hears nothing of them.
    for (let i = 0; i < 5; i++) {
      const refused = await readProfile(other);
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    }
    expect(simulator.requests().filter((request) => request.path === '/v2/user/info/')).toEqual([]);
    await pause(800);
    expect(await recordedCalls(other.id)).toEqual([
      { ok: true, code: null, kind: 'api' },
      { ok: false, code: 'RATE_LIMITED', kind: 'api' },
    ]);
    const view = await connection(other);
    expect(view).toMatchObject({ recentCallCount: 2, recentErrorCodes: ['RATE_LIMITED'], health: 'HEALTHY' });
  }, 60_000);

  it('counts every call a publish job makes through the account: creator info, init, the chunk upload, each status poll', async () => {
    const other = await connect('publish_creator', ['user.info.basic', 'video.publish']);
    await vi.waitFor(async () => expect(await recordedCalls(other.id)).toHaveLength(1), { timeout: 5_000 });
    const uploaded = await fetch(`${system.gatewayUrl}/uploads/tiktok`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'video/mp4' },
      body: Uint8Array.from(randomBytes(64 * 1024)),
    });
    expect(uploaded.status).toBe(201);
    const { uploadId } = (await uploaded.json()) as { uploadId: string };
    simulator.clearRequests();
    const published = await gql<{ publishTikTokVideo: { jobId: string } }>(
      other,
      `mutation ($input: PublishTikTokVideoInput!) { publishTikTokVideo(input: $input) { jobId } }`,
      {
        input: {
          connectionId: other.id,
          uploadId,
          privacyLevel: 'SELF_ONLY',
          title: 'Health check #ionflux',
        },
      },
    );
    expect(published.body.errors).toBeUndefined();
    const jobId = published.body.data?.publishTikTokVideo.jobId;
    await vi.waitFor(
      async () => {
        const { body } = await gql<{ tiktokPublish: { status: string } }>(
          other,
          'query ($jobId: ID!) { tiktokPublish(jobId: $jobId) { status } }',
          { jobId },
        );
        expect(body.data?.tiktokPublish.status).toBe('PUBLISH_COMPLETE');
      },
      { timeout: 30_000, interval: 300 },
    );
    await pause(800);
    // Every request TikTok received for the publish (the token endpoint aside) is one recorded call.
    const received = simulator.requests().filter((request) => request.path !== '/v2/oauth/token/');
    expect(received.map((request) => request.path)).toEqual(
      expect.arrayContaining([
        '/v2/post/publish/creator_info/query/',
        '/v2/post/publish/video/init/',
        '/v2/post/publish/status/fetch/',
      ]),
    );
    expect(received.filter((request) => request.method === 'PUT')).toHaveLength(1);
    const calls = await recordedCalls(other.id);
    expect(calls.slice(1)).toEqual(received.map(() => ({ ok: true, code: null, kind: 'api' })));
    expect((await connection(other)).health).toBe('HEALTHY');
  }, 60_000);
});
