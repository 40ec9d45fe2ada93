import { api, CLIENT, connect } from '@ionflux/testing/tiktok-simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTikTokSimulator, type TikTokSimulator } from '../tiktok-simulator.ts';

let sim: TikTokSimulator;
const FIELDS = 'id,title,create_time,view_count,like_count,comment_count,share_count';

beforeAll(async () => {
  sim = await startTikTokSimulator({ ...CLIENT, now: () => new Date('2026-11-25T10:00:00Z') });
});
afterAll(() => sim.close());
beforeEach(() => sim.clearFaults());

describe('GET /v2/user/info/', () => {
  it('returns the requested fields when their scopes were granted', async () => {
    const tokens = await connect(sim, [
      'user.info.basic',
      'user.info.profile',
      'user.info.stats',
      'video.list',
    ]);
    const { status, data, error } = await api(
      sim,
      tokens.access_token,
      'GET',
      '/v2/user/info/?fields=open_id,username,display_name,follower_count,video_count,is_verified',
    );
    expect(status).toBe(200);
    expect(error).toEqual({
      code: 'ok',
      message: '',
      log_id: expect.stringMatching(/^20261125100000[0-9A-F]{20}$/),
    });
    expect(data['user']).toMatchObject({
      open_id: tokens.open_id,
      username: 'ionflux.stylist',
      display_name: 'Ionflux Stylist',
      follower_count: expect.any(Number),
      video_count: 36,
    });
  });

  it('answers scope_not_authorized (401) for a stats field without user.info.stats', async () => {
    // Another account: grants are incremental, so the creator's earlier grant already holds stats.
    const tokens = await connect(sim, ['user.info.basic'], 'thrift.theo');
    const { status, error } = await api(
      sim,
      tokens.access_token,
      'GET',
      '/v2/user/info/?fields=open_id,follower_count',
    );
    expect(status).toBe(401);
    expect(error.code).toBe('scope_not_authorized');
  });

  it('answers access_token_invalid once the control API expires the tokens', async () => {
    const tokens = await connect(sim, ['user.info.basic']);
    expect(sim.expireTokens({ openId: tokens.open_id })).toBeGreaterThan(0);
    const { status, error } = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect(status).toBe(401);
    expect(error.code).toBe('access_token_invalid');
  });

  it('answers rate_limit_exceeded (429) past the per-token limit', async () => {
    const tokens = await connect(sim, ['user.info.basic']);
    sim.setRateLimit('user_info', 2);
    await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    const third = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect(third.status).toBe(429);
    expect(third.error.code).toBe('rate_limit_exceeded');
    sim.setRateLimit('user_info', 600);
  });
});

describe('POST /v2/video/list/ and /v2/video/query/', () => {
  it('pages the creator’s videos newest first by millisecond cursor', async () => {
    const tokens = await connect(sim, ['user.info.basic', 'video.list']);
    const first = await api(sim, tokens.access_token, 'POST', `/v2/video/list/?fields=${FIELDS}`, {
      max_count: 20,
    });
    const page1 = first.data as {
      videos: { id: string; create_time: number }[];
      cursor: number;
      has_more: boolean;
    };
    expect(page1.videos).toHaveLength(20);
    expect(page1.has_more).toBe(true);
    expect(page1.cursor).toBe((page1.videos.at(-1)?.create_time ?? 0) * 1000);
    const times = page1.videos.map((video) => video.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await api(sim, tokens.access_token, 'POST', `/v2/video/list/?fields=${FIELDS}`, {
      max_count: 20,
      cursor: page1.cursor,
    });
    const page2 = second.data as { videos: { id: string }[]; has_more: boolean };
    expect(page2.videos).toHaveLength(16);
    expect(page2.has_more).toBe(false);
    const ids = [page1.videos[0]?.id ?? '', page2.videos[0]?.id ?? '', '0000000000000000000'];
    const query = await api(sim, tokens.access_token, 'POST', `/v2/video/query/?fields=${FIELDS}`, {
      filters: { video_ids: ids },
    });
    expect((query.data as { videos: unknown[] }).videos).toHaveLength(2);
  });

  it('rejects max_count over 20 with invalid_params, and needs video.list', async () => {
    const tokens = await connect(sim, ['user.info.basic', 'video.list']);
    const tooMany = await api(sim, tokens.access_token, 'POST', `/v2/video/list/?fields=id`, {
      max_count: 21,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error.code).toBe('invalid_params');
    const basic = await connect(sim, ['user.info.basic'], 'maya.wears');
    const denied = await api(sim, basic.access_token, 'POST', `/v2/video/list/?fields=id`, {});
    expect(denied.error.code).toBe('scope_not_authorized');
  });

  it('serves the same seeded videos on every start', async () => {
    const other = await startTikTokSimulator({ ...CLIENT, now: () => new Date('2026-11-25T10:00:00Z') });
    try {
      const list = async (target: TikTokSimulator) => {
        const tokens = await connect(target, ['video.list']);
        return (await api(target, tokens.access_token, 'POST', `/v2/video/list/?fields=${FIELDS}`, {})).data;
      };
      expect(await list(other)).toEqual(await list(sim));
    } finally {
      await other.close();
    }
  });
});

describe('injected faults', () => {
  it('answers internal_error for a 5xx fault and rate_limit_exceeded for a 429 fault, in the envelope', async () => {
    const tokens = await connect(sim, ['user.info.basic']);
    sim.injectFault({ path: '/v2/user/info/', status: 503 });
    sim.injectFault({ path: '/v2/user/info/', status: 429 });
    const failed = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect([failed.status, failed.error.code]).toEqual([503, 'internal_error']);
    const limited = await api(sim, tokens.access_token, 'GET', '/v2/user/info/?fields=open_id');
    expect([limited.status, limited.error.code]).toEqual([429, 'rate_limit_exceeded']);
  });

  it('drops the connection when asked to, over the control HTTP API', async () => {
    const queued = await fetch(`${sim.url}/_control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/v2/user/info/', drop: true }),
    });
    expect(queued.status).toBe(201);
    await expect(fetch(`${sim.url}/v2/user/info/?fields=open_id`)).rejects.toThrow();
  });
});
