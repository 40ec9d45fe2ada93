import { randomUUID } from 'node:crypto';
import { createJobQueue } from '@ionflux/kit/jobs';
import { createLogger } from '@ionflux/kit/logging';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import { approveTikTokLink, connectTikTokAccount, startSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15, spec 3.2-3.3: profile and videos read through the gateway against the TikTok simulator, with
// the failure paths: expired token refreshed once for a burst, missing scope → SCOPE_REQUIRED fixed by
// the incremental grant on the same connection, revoked grant → NEEDS_REAUTH, rate limit, TikTok 5xx.

const CLIENT_KEY = 'tiktok-read-client-key';
const CLIENT_SECRET = 'tiktok-read-client-secret-91ab';

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sql: postgres.Sql;

const CONNECTIONS = '{ tiktokConnections { id status scopes } }';
const PROFILE = `query ($id: ID!) { tiktokProfile(connectionId: $id) { openId displayName username followerCount videoCount } }`;
const VIDEOS = `query ($id: ID!, $first: Int, $after: String) {
  tiktokVideos(connectionId: $id, first: $first, after: $after) {
    nodes { id title description createTime duration coverImageUrl shareUrl viewCount likeCount commentCount shareCount }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** A fresh workspace with one connected account; returns its token and connection id. */
async function connect(scopes: string[], username?: string): Promise<{ token: string; id: string }> {
  const token = await system.tokenFor(randomUUID());
  const id = await connectTikTokAccount({
    gatewayUrl: system.gatewayUrl,
    simulator,
    token,
    creatorId: randomUUID(),
    scopes,
    username,
  });
  return { token, id };
}

async function query<T>(token: string, text: string, variables: Record<string, unknown>) {
  const answer = await postGraphQL<T>(system.gatewayUrl, text, { token, variables });
  return answer.body as { data?: T | null; errors?: GraphQLError[] };
}

const tokenCalls = () => simulator.requests().filter((request) => request.path === '/v2/oauth/token/').length;

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
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('reading TikTok through the gateway', () => {
  it('tiktokVideos pages through every video of the seeded creator, none twice and none missing', async () => {
    const { token, id } = await connect(['user.info.basic', 'video.list']);
    const expected = simulator.users()[0]?.videoCount ?? 0;
    expect(expected).toBeGreaterThan(7);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      type Page = {
        tiktokVideos: {
          nodes: { id: string; createTime: string; viewCount: number }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const body: { data?: Page | null; errors?: GraphQLError[] } = await query<Page>(token, VIDEOS, {
        id,
        first: 7,
        after,
      });
      expect(body.errors).toBeUndefined();
      const page = body.data?.tiktokVideos;
      if (!page) throw new Error('no page');
      pages += 1;
      expect(page.nodes.length).toBeLessThanOrEqual(7);
      for (const node of page.nodes) {
        expect(node.viewCount).toEqual(expect.any(Number));
        expect(Number.isNaN(Date.parse(node.createTime))).toBe(false);
      }
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) {
        expect(page.pageInfo.endCursor).toBeNull();
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 7));
  });

  it('tiktokVideoInsights gives each video’s counts and engagement = (likes + comments + shares) / views exactly', async () => {
    const { token, id } = await connect(
      ['user.info.basic', 'video.list'],
      simulator.addCreator('insights_creator', 4).username,
    );
    type Page = {
      tiktokVideos: {
        nodes: {
          id: string;
          viewCount: number;
          likeCount: number;
          commentCount: number;
          shareCount: number;
        }[];
      };
    };
    const page = await query<Page>(token, VIDEOS, { id, first: 4 });
    const videos = page.data?.tiktokVideos.nodes ?? [];
    expect(videos).toHaveLength(4);
    const asked = [videos[2]?.id, videos[0]?.id, '999999999999'];
    const answer = await query<{ tiktokVideoInsights: Record<string, number | string>[] }>(
      token,
      `query ($id: ID!, $ids: [ID!]!) { tiktokVideoInsights(connectionId: $id, videoIds: $ids) {
        videoId viewCount likeCount commentCount shareCount engagementRate } }`,
      { id, ids: asked },
    );
    expect(answer.errors).toBeUndefined();
    const expected = [videos[2], videos[0]].map((v) => ({
      videoId: v?.id,
      viewCount: v?.viewCount,
      likeCount: v?.likeCount,
      commentCount: v?.commentCount,
      shareCount: v?.shareCount,
      engagementRate:
        ((v?.likeCount ?? 0) + (v?.commentCount ?? 0) + (v?.shareCount ?? 0)) / (v?.viewCount ?? 1),
    }));
    // The unknown id is left out; the order is the order asked.
    expect(answer.data?.tiktokVideoInsights).toEqual(expected);
  });

  it('a missing scope is SCOPE_REQUIRED with a grant URL; the grant widens the same connection and the read works', async () => {
    const { token, id } = await connect(
      ['user.info.basic'],
      simulator.addCreator('scope_test_creator', 3).username,
    );
    simulator.clearRequests();
    const refused = await query(token, VIDEOS, { id, first: 5 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SCOPE_REQUIRED',
      missingScopes: ['video.list'],
      grantUrl: expect.stringContaining('/oauth/tiktok/start?ticket='),
    });
    // Refused before any call to TikTok.
    expect(simulator.requests().filter((r) => r.path === '/v2/video/list/')).toEqual([]);
    const grantUrl = String(refused.errors?.[0]?.extensions?.['grantUrl']);
    expect(await approveTikTokLink(simulator, grantUrl, 'scope_test_creator')).toBe(200);
    const listed = await query<{ tiktokConnections: { id: string; scopes: string[] }[] }>(
      token,
      CONNECTIONS,
      {},
    );
    expect(listed.data?.tiktokConnections.map((c) => c.id)).toEqual([id]);
    expect(listed.data?.tiktokConnections[0]?.scopes.sort()).toEqual(['user.info.basic', 'video.list']);
    const page = await query<{ tiktokVideos: { nodes: unknown[] } }>(token, VIDEOS, { id, first: 5 });
    expect(page.errors).toBeUndefined();
    expect(page.data?.tiktokVideos.nodes).toHaveLength(3);
  });

  it('a token expiring during a burst of 50 concurrent queries causes exactly one refresh call at TikTok', async () => {
    const { token, id } = await connect(
      ['user.info.basic', 'user.info.stats'],
      simulator.addCreator('burst_creator', 2).username,
    );
    await sql`update kit.connection_credentials set access_token_expires_at = now() + interval '10 seconds' where connection_id = ${id}`;
    simulator.clearRequests();
    // A distinct alias per query: the gateway shares identical operations in flight (GATEWAY_SHARING),
    // and this burst is 50 different requests, as 50 agents would send them.
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        query<Record<string, { videoCount: number }>>(
          token,
          `query ($id: ID!) { p${index}: tiktokProfile(connectionId: $id) { videoCount } }`,
          { id },
        ),
      ),
    );
    expect(answers.filter((a) => a.errors !== undefined)).toEqual([]);
    expect(answers.every((a, index) => a.data?.[`p${index}`]?.videoCount === 2)).toBe(true);
    expect(tokenCalls()).toBe(1);
    expect(simulator.requests().filter((r) => r.path === '/v2/user/info/')).toHaveLength(50);
  }, 60_000);

  it('a grant revoked at TikTok leads to INTEGRATION_AUTH_INVALID, NEEDS_REAUTH and a notification', async () => {
    const creator = simulator.addCreator('revoked_creator', 1);
    const { token, id } = await connect(['user.info.basic'], creator.username);
    expect(simulator.revokeGrant(creator.openId)).toBe(true);
    const refused = await query(token, PROFILE, { id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_AUTH_INVALID');
    const listed = await query<{ tiktokConnections: { status: string }[] }>(token, CONNECTIONS, {});
    expect(listed.data?.tiktokConnections[0]?.status).toBe('NEEDS_REAUTH');
    const notices = await query<{ workspaceNotifications: { kind: string }[] }>(
      token,
      '{ workspaceNotifications { kind } }',
      {},
    );
    expect(notices.data?.workspaceNotifications.map((n) => n.kind)).toContain('CONNECTION_NEEDS_REAUTH');
  });

  it('TikTok rate_limit_exceeded is RATE_LIMITED with retryAfterSeconds and TikTok’s log_id', async () => {
    const { token, id } = await connect(
      ['user.info.basic', 'video.list'],
      simulator.addCreator('rl_creator', 1).username,
    );
    simulator.injectFault({ path: '/v2/video/list/', status: 429 });
    const refused = await query(token, VIDEOS, { id, first: 5 });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      tiktokCode: 'rate_limit_exceeded',
      retryAfterSeconds: expect.any(Number),
      logId: expect.stringMatching(/^\d{14}[0-9A-F]{20}$/),
    });
    // TikTok said wait: this account's video list is not asked again until then (TikTok sends no
    // Retry-After; its window is a minute), while its other endpoints and other accounts go on.
    simulator.clearRequests();
    const held = await query(token, VIDEOS, { id, first: 5 });
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(held.errors?.[0]?.message).toBe(
      "TikTok's rate limit for /v2/video/list/ on this account is reached: retry after 60 s.",
    );
    expect(simulator.requests().filter((request) => request.path === '/v2/video/list/')).toEqual([]);
    expect((await query(token, PROFILE, { id })).errors).toBeUndefined();
    const other = await connect(
      ['user.info.basic', 'video.list'],
      simulator.addCreator('rl_other', 1).username,
    );
    expect((await query(other.token, VIDEOS, { id: other.id, first: 5 })).errors).toBeUndefined();
  });

  it('a TikTok 5xx is PROVIDER_UNAVAILABLE with log_id, and no token or secret reaches the answer', async () => {
    const { token, id } = await connect(['user.info.basic'], simulator.addCreator('5xx_creator', 1).username);
    simulator.injectFault({ path: '/v2/user/info/', status: 503 });
    const refused = await query(token, PROFILE, { id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      logId: expect.any(String),
    });
    expect(JSON.stringify(refused)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(refused)).not.toMatch(/act\.|rft\./);
  });

  it('refuses a forged cursor and an out-of-range first before calling TikTok (INVALID_REQUEST)', async () => {
    const { token, id } = await connect(
      ['user.info.basic', 'video.list'],
      simulator.addCreator('bad_input_creator', 1).username,
    );
    simulator.clearRequests();
    for (const variables of [
      { id, first: 5, after: '1; drop table x' },
      { id, first: 0 },
      { id, first: 21 },
    ]) {
      expect((await query(token, VIDEOS, variables)).errors?.[0]?.extensions?.['code']).toBe(
        'INVALID_REQUEST',
      );
    }
    expect(simulator.requests().filter((r) => r.path === '/v2/video/list/')).toEqual([]);
  });

  it('answers NOT_FOUND for a connection of another workspace', async () => {
    const { id } = await connect(['user.info.basic'], simulator.addCreator('other_ws_creator', 1).username);
    const stranger = await system.tokenFor(randomUUID());
    expect((await query(stranger, PROFILE, { id })).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('the scheduled sweep renews tokens about to expire before anyone asks, and turns a revoked grant NEEDS_REAUTH', async () => {
    // The worker registers the sweep's schedule (TIKTOK_REFRESH_CRON) with graphile-worker at start.
    const crontabs = await sql`select identifier from graphile_worker._private_known_crontabs`;
    expect(crontabs.map((row) => row['identifier'])).toContain('tiktok.credentials.refresh');

    const live = await connect(['user.info.basic'], simulator.addCreator('sweep_live_creator', 1).username);
    const gone = simulator.addCreator('sweep_revoked_creator', 1);
    const revoked = await connect(['user.info.basic'], gone.username);
    expect(simulator.revokeGrant(gone.openId)).toBe(true);
    const expiresAt = async (id: string) =>
      (
        await sql<{ at: Date }[]>`select access_token_expires_at as at from kit.connection_credentials
          where connection_id = ${id}`
      )[0]?.at.getTime() ?? 0;
    await sql`update kit.connection_credentials set access_token_expires_at = now() + interval '5 minutes'
      where connection_id in ${sql([live.id, revoked.id])}`;
    simulator.clearRequests();

    // Run the slot now rather than wait for the next one: what the cron enqueues.
    const queue = await createJobQueue({
      databaseUrl: system.databaseUrl,
      logger: createLogger({ service: 'tiktok-sweep-e2e', level: 'silent' }),
    });
    try {
      await queue.enqueue('tiktok.credentials.refresh', {});
    } finally {
      await queue.close();
    }
    await expect.poll(() => expiresAt(live.id), { timeout: 15_000 }).toBeGreaterThan(Date.now() + 3600_000);
    await expect
      .poll(
        async () =>
          (await query<{ tiktokConnections: { status: string }[] }>(revoked.token, CONNECTIONS, {})).data
            ?.tiktokConnections[0]?.status,
        { timeout: 15_000 },
      )
      .toBe('NEEDS_REAUTH');
    const notices = await query<{ workspaceNotifications: { kind: string }[] }>(
      revoked.token,
      '{ workspaceNotifications { kind } }',
      {},
    );
    expect(notices.data?.workspaceNotifications.map((n) => n.kind)).toContain('CONNECTION_NEEDS_REAUTH');
    // Only token requests: nobody asked TikTok for data, and the live account's next read needs no refresh.
    expect(simulator.requests().every((request) => request.path === '/v2/oauth/token/')).toBe(true);
    simulator.clearRequests();
    expect((await query(live.token, PROFILE, { id: live.id })).errors).toBeUndefined();
    expect(tokenCalls()).toBe(0);
  });
});
