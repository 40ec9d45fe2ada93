import { IntegrationError } from '@ionflux/kit/errors';
import type { TikTokContext } from '../context.ts';
import type {
  TikTokCreatorAnalysis,
  TikTokHashtagTrends,
  TikTokResearchVideo,
  TikTokResearchVideoPage,
} from '../generated/resolvers-types.ts';
import { requireTikTokOAuth } from '../oauth/index.ts';
import { queryResearchVideos, type ResearchDeps } from './research-api.ts';
import {
  decodeResearchCursor,
  encodeResearchCursor,
  lastDays,
  RESEARCH_MAX_COUNT,
  type ResearchFilter,
  researchQuery,
  researchWindow,
} from './research-query.ts';
import { engagementOf, sampleResearchVideos } from './research-sample.ts';

/** Hashtags one trends answer lists at most. @default 50 */
export const MAX_TRENDING_HASHTAGS = 50;
/** Newest videos a creator analysis lists. @default 10 */
const RECENT_VIDEOS = 10;
/** Hashtags a creator analysis lists. @default 10 */
const TOP_HASHTAGS = 10;

function researchDeps(context: TikTokContext): ResearchDeps {
  return { clientToken: requireTikTokOAuth(context.oauth).clientToken, apiOrigin: context.apiOrigin };
}

function checkFirst(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${max}.`);
  }
}

/** `tiktokResearchVideos`: one page of public videos matching keywords or hashtags within 30 days. */
export async function readResearchVideos(
  context: TikTokContext,
  args: ResearchFilter & { from: Date; to: Date; first: number; after: string | null },
): Promise<TikTokResearchVideoPage> {
  checkFirst(args.first, RESEARCH_MAX_COUNT);
  const query = researchQuery(args);
  const window = researchWindow(args.from, args.to);
  const after = args.after === null ? undefined : decodeResearchCursor(args.after);
  const page = await queryResearchVideos(researchDeps(context), {
    query,
    ...window,
    max_count: args.first,
    ...(after ? { search_id: after.searchId, cursor: after.cursor } : {}),
  });
  return {
    nodes: page.videos,
    pageInfo: {
      hasNextPage: page.hasMore,
      endCursor: page.hasMore ? encodeResearchCursor(page.searchId, page.cursor) : null,
    },
  };
}

/**
 * `tiktokHashtags`: trend data for hashtags, from the public videos of the last `days` that match the
 * names or keywords (TikTok has no hashtag endpoint: its videos' `hashtag_names` are aggregated).
 */
export async function readHashtagTrends(
  context: TikTokContext,
  args: ResearchFilter & { days: number; first: number },
): Promise<TikTokHashtagTrends> {
  checkFirst(args.first, MAX_TRENDING_HASHTAGS);
  const query = researchQuery(args);
  const { from, to } = lastDays(args.days, new Date());
  const sample = await sampleResearchVideos(researchDeps(context), query, researchWindow(from, to));
  const byName = new Map<string, TikTokResearchVideo[]>();
  for (const video of sample.videos) {
    for (const name of new Set(video.hashtags.map((hashtag) => hashtag.toLowerCase()))) {
      byName.set(name, [...(byName.get(name) ?? []), video]);
    }
  }
  const hashtags = [...byName].map(([name, videos]) => {
    const engagement = engagementOf(videos);
    return {
      name,
      videoCount: videos.length,
      totalViews: engagement.views,
      averageViews: engagement.views / videos.length,
      engagementRate: engagement.rate,
    };
  });
  hashtags.sort((a, b) => b.totalViews - a.totalViews || a.name.localeCompare(b.name));
  return {
    from,
    to,
    sampledVideos: sample.videos.length,
    complete: sample.complete,
    hashtags: hashtags.slice(0, args.first),
  };
}

/** `analyzeTikTokCreator` (UGC Matchmaker): what the Research API's public videos tell of a creator. */
export async function analyzeCreator(
  context: TikTokContext,
  args: { username: string; days: number },
): Promise<TikTokCreatorAnalysis> {
  const username = args.username.trim().replace(/^@/, '');
  const query = researchQuery({ username });
  const { from, to } = lastDays(args.days, new Date());
  const sample = await sampleResearchVideos(researchDeps(context), query, researchWindow(from, to));
  const videos = [...sample.videos].sort(
    (a, b) => new Date(b.createTime).getTime() - new Date(a.createTime).getTime(),
  );
  const views = videos.map((video) => video.viewCount ?? 0).sort((a, b) => a - b);
  const middle = Math.floor(views.length / 2);
  const median =
    views.length === 0
      ? 0
      : views.length % 2
        ? (views[middle] ?? 0)
        : ((views[middle - 1] ?? 0) + (views[middle] ?? 0)) / 2;
  const engagement = engagementOf(videos);
  const hashtagCounts = new Map<string, number>();
  for (const video of videos) {
    for (const name of new Set(video.hashtags.map((hashtag) => hashtag.toLowerCase()))) {
      hashtagCounts.set(name, (hashtagCounts.get(name) ?? 0) + 1);
    }
  }
  return {
    username,
    from,
    to,
    videoCount: videos.length,
    complete: sample.complete,
    averageViews: videos.length === 0 ? 0 : engagement.views / videos.length,
    medianViews: median,
    engagementRate: engagement.rate,
    postsPerWeek: (videos.length * 7) / args.days,
    topHashtags: [...hashtagCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_HASHTAGS)
      .map(([name, videoCount]) => ({ name, videoCount })),
    recentVideos: videos.slice(0, RECENT_VIDEOS),
  };
}
