import { randomUUID } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import { connectTikTokAccount, startSystem } from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15, spec 3.2 "Trending Content" and UGC Matchmaker: TikTok's Research API through the gateway with
// the app's client token: paged search (search_id + cursor, the 30-day window enforced before the call),
// hashtag trends and a creator analysis aggregated from it, research access refused → FORBIDDEN.

const CLIENT_KEY = 'tiktok-research-client-key';
const CLIENT_SECRET = 'tiktok-research-client-secret-77e0';
const DAY_MS = 86_400_000;

let simulator: TikTokSimulator;
let system: Awaited<ReturnType<typeof startSystem>>;

interface ResearchVideo {
  id: string;
  username: string;
  description: string;
  createTime: string;
  regionCode: string;
  viewCount: number;
  likeCount: number;
  commentCount: number;
  shareCount: number;
  hashtags: string[];
}
interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const VIDEO_FIELDS =
  'id username description createTime regionCode viewCount likeCount commentCount shareCount hashtags';
const RESEARCH = `query ($k: [String!], $h: [String!], $r: [String!], $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {
  tiktokResearchVideos(keywords: $k, hashtags: $h, regions: $r, from: $from, to: $to, first: $first, after: $after) {
    nodes { ${VIDEO_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function query<T>(text: string, variables: Record<string, unknown>): Promise<Answer<T>> {
  const answer = await postGraphQL<T>(system.gatewayUrl, text, { token: system.token, variables });
  return answer.body as Answer<T>;
}

const researchCalls = () =>
  simulator.requests().filter((request) => request.path === '/v2/research/video/query/').length;
const clientTokenCalls = () =>
  simulator.requests().filter((request) => request.path === '/v2/oauth/token/').length;

/** Every page of a research search, with its page count. */
async function allPages(variables: Record<string, unknown>, first: number) {
  const videos: ResearchVideo[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    type Page = {
      tiktokResearchVideos: {
        nodes: ResearchVideo[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const answer: Answer<Page> = await query<Page>(RESEARCH, { ...variables, first, after });
    expect(answer.errors).toBeUndefined();
    const page = answer.data?.tiktokResearchVideos;
    if (!page) throw new Error('no page');
    pages += 1;
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    videos.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) {
      expect(page.pageInfo.endCursor).toBeNull();
      return { videos, pages };
    }
    after = page.pageInfo.endCursor;
  }
}

const engagement = (videos: ResearchVideo[]) => {
  const views = videos.reduce((sum, video) => sum + video.viewCount, 0);
  const interactions = videos.reduce(
    (sum, video) => sum + video.likeCount + video.commentCount + video.shareCount,
    0,
  );
  return { views, rate: views === 0 ? 0 : interactions / views };
};

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
}, 60_000);

afterAll(async () => {
  await system?.stop();
  await simulator?.close();
});

describe('TikTok Research API through the gateway', () => {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * DAY_MS);
  const startOfFrom = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());

  it('pages through every public video with a hashtag in the last 30 days, none twice, with one client token', async () => {
    simulator.clearRequests();
    const { videos, pages } = await allPages({ h: ['#SkinCare'], from, to }, 7);
    expect(videos.length).toBeGreaterThan(7);
    expect(pages).toBe(Math.ceil(videos.length / 7));
    expect(new Set(videos.map((video) => video.id)).size).toBe(videos.length);
    for (const video of videos) {
      expect(video.hashtags).toContain('skincare');
      expect(Date.parse(video.createTime)).toBeGreaterThanOrEqual(startOfFrom);
      // Research ids are 19-digit JSON numbers on the wire: kept exact, as text.
      expect(video.id).toMatch(/^\d{19}$/);
    }
    // The app's client token is asked for once and reused for every page.
    expect(clientTokenCalls()).toBe(1);
    expect(researchCalls()).toBe(pages);
  });

  it('keeps research video ids exact: a creator’s research ids are the ids its own Display API gives', async () => {
    const username = 'maya.wears';
    const token = await system.tokenFor(randomUUID());
    const connectionId = await connectTikTokAccount({
      gatewayUrl: system.gatewayUrl,
      simulator,
      token,
      creatorId: randomUUID(),
      scopes: ['user.info.basic', 'video.list'],
      username,
    });
    const own = await postGraphQL<{ tiktokVideos: { nodes: { id: string }[] } }>(
      system.gatewayUrl,
      'query ($c: ID!) { tiktokVideos(connectionId: $c, first: 20) { nodes { id } } }',
      { token, variables: { c: connectionId } },
    );
    const ownIds = new Set(own.body.data?.tiktokVideos.nodes.map((video) => video.id));
    const analysis = await query<{ analyzeTikTokCreator: { recentVideos: { id: string }[] } }>(
      `query { analyzeTikTokCreator(username: "${username}") { recentVideos { id } } }`,
      {},
    );
    const researchIds = analysis.data?.analyzeTikTokCreator.recentVideos.map((video) => video.id) ?? [];
    expect(researchIds.length).toBeGreaterThan(0);
    expect(researchIds.filter((id) => !ownIds.has(id))).toEqual([]);
  });

  it('refuses bad research arguments before calling TikTok: a window over 30 days, no term, bad region, forged cursor', async () => {
    simulator.clearRequests();
    const cases: [Record<string, unknown>, string][] = [
      [
        { h: ['ootd'], from: new Date(to.getTime() - 31 * DAY_MS), to },
        "TikTok's Research API searches at most 30 days at a time: narrow from-to and page through the periods.",
      ],
      [{ h: ['ootd'], from: to, to: from }, 'to must not be before from.'],
      [{ from, to }, 'Give at least one keyword or hashtag.'],
      [{ h: ['ootd'], r: ['USA'], from, to }, '"USA" is not a two-letter region code (e.g. US).'],
      [{ h: ['no spaces'], from, to }, '"no spaces" is not a hashtag (letters, digits, _).'],
      [{ h: ['ootd'], from, to, after: '1;drop' }, 'after must be an endCursor of a previous page.'],
      [{ h: ['ootd'], from, to, first: 101 }, 'first must be between 1 and 100.'],
    ];
    for (const [variables, message] of cases) {
      const answer = await query(RESEARCH, variables);
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(answer.errors?.[0]?.message).toBe(message);
    }
    expect(researchCalls()).toBe(0);
  });

  it('computes hashtag trends exactly from the videos of the period', async () => {
    const { videos } = await allPages({ h: ['ootd'], from: new Date(to.getTime() - 7 * DAY_MS), to }, 100);
    const answer = await query<{
      tiktokHashtags: {
        sampledVideos: number;
        complete: boolean;
        hashtags: {
          name: string;
          videoCount: number;
          totalViews: number;
          averageViews: number;
          engagementRate: number;
        }[];
      };
    }>(
      `query { tiktokHashtags(names: ["ootd"], days: 7, first: 50) {
        sampledVideos complete hashtags { name videoCount totalViews averageViews engagementRate } } }`,
      {},
    );
    expect(answer.errors).toBeUndefined();
    const trends = answer.data?.tiktokHashtags;
    expect(trends?.sampledVideos).toBe(videos.length);
    expect(trends?.complete).toBe(true);
    const ootd = trends?.hashtags.find((hashtag) => hashtag.name === 'ootd');
    const expected = engagement(videos);
    expect(ootd).toEqual({
      name: 'ootd',
      videoCount: videos.length,
      totalViews: expected.views,
      averageViews: expected.views / videos.length,
      engagementRate: expected.rate,
    });
    // Every co-occurring hashtag is counted over exactly the videos that carry it; most viewed first.
    for (const trend of trends?.hashtags ?? []) {
      const carrying = videos.filter((video) => video.hashtags.includes(trend.name));
      expect(trend.videoCount).toBe(carrying.length);
      expect(trend.totalViews).toBe(engagement(carrying).views);
    }
    const views = trends?.hashtags.map((trend) => trend.totalViews) ?? [];
    expect(views).toEqual([...views].sort((a, b) => b - a));
  });

  it('analyzes a creator not connected to IONFLUX from public research data', async () => {
    const username = 'thrift.theo';
    // Every simulated video carries some of these: the search returns every public video of the period.
    const everyHashtag = ['ootd', 'fashion', 'skincare', 'grwm', 'streetwear', 'thrift', 'makeup'];
    const more = ['styletips', 'haul', 'sustainablefashion', 'fitcheck', 'beauty'];
    const { videos: all } = await allPages({ h: [...everyHashtag, ...more], from, to }, 100);
    const videos = all.filter((video) => video.username === username);
    const answer = await query<{
      analyzeTikTokCreator: {
        username: string;
        videoCount: number;
        complete: boolean;
        averageViews: number;
        medianViews: number;
        engagementRate: number;
        postsPerWeek: number;
        topHashtags: { name: string; videoCount: number }[];
        recentVideos: { id: string; createTime: string }[];
      };
    }>(
      `query { analyzeTikTokCreator(username: "@${username}", days: 30) {
        username videoCount complete averageViews medianViews engagementRate postsPerWeek
        topHashtags { name videoCount } recentVideos { id createTime } } }`,
      {},
    );
    expect(answer.errors).toBeUndefined();
    const analysis = answer.data?.analyzeTikTokCreator;
    expect(videos.length).toBeGreaterThan(0);
    const expected = engagement(videos);
    const sortedViews = videos.map((video) => video.viewCount).sort((a, b) => a - b);
    const middle = Math.floor(sortedViews.length / 2);
    const median =
      sortedViews.length % 2
        ? sortedViews[middle]
        : ((sortedViews[middle - 1] ?? 0) + (sortedViews[middle] ?? 0)) / 2;
    expect(analysis).toMatchObject({
      username,
      videoCount: videos.length,
      complete: true,
      averageViews: expected.views / videos.length,
      medianViews: median,
      engagementRate: expected.rate,
      postsPerWeek: (videos.length * 7) / 30,
    });
    const times = analysis?.recentVideos.map((video) => Date.parse(video.createTime)) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(analysis?.recentVideos.length).toBe(Math.min(10, videos.length));
    const top = analysis?.topHashtags[0];
    expect(top?.videoCount).toBe(videos.filter((video) => video.hashtags.includes(top?.name ?? '')).length);

    const unknown = await query<{ analyzeTikTokCreator: { videoCount: number; averageViews: number } }>(
      'query { analyzeTikTokCreator(username: "nobody.here.at.all") { videoCount averageViews } }',
      {},
    );
    expect(unknown.data?.analyzeTikTokCreator).toEqual({ videoCount: 0, averageViews: 0 });
    const bad = await query('query { analyzeTikTokCreator(username: "has spaces!") { videoCount } }', {});
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
  });

  it('maps TikTok’s research rate limit to RATE_LIMITED with retryAfterSeconds and log_id', async () => {
    simulator.injectFault({ path: '/v2/research/video/query/', status: 429 });
    const answer = await query(RESEARCH, { h: ['ootd'], from, to });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
      logId: expect.any(String),
    });
  });

  it('answers FORBIDDEN naming the fix when TikTok has not approved the app for research', async () => {
    simulator.setResearchAccess(false);
    // Make the cached client token useless, as when TikTok withdraws approval: a new one is refused.
    simulator.expireTokens({ kind: 'all' });
    try {
      const answer = await query(RESEARCH, { h: ['ootd'], from, to });
      expect(answer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(answer.errors?.[0]?.message).toBe(
        "IONFLUX's TikTok app has no Research API access (TikTok refused its client credentials: " +
          'unauthorized_client). The operator must have the app approved for research at developers.tiktok.com.',
      );
      expect(JSON.stringify(answer)).not.toContain(CLIENT_SECRET);
    } finally {
      simulator.setResearchAccess(true);
    }
    const again = await query(RESEARCH, { h: ['ootd'], from, to });
    expect(again.errors).toBeUndefined();
  });
});
