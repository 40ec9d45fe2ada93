import type { TikTokResearchVideo } from '../generated/resolvers-types.ts';
import { queryResearchVideos, type ResearchDeps } from './research-api.ts';
import { RESEARCH_MAX_COUNT, type ResearchQuery } from './research-query.ts';

/** Research pages one aggregate (trends, a creator's analysis) reads at most: 500 videos. @default 5 */
export const MAX_SAMPLE_PAGES = 5;

/** Videos of a research query, page after page up to `maxPages`; `complete` when TikTok had no more. */
export async function sampleResearchVideos(
  deps: ResearchDeps,
  query: ResearchQuery,
  window: { start_date: string; end_date: string },
  maxPages = MAX_SAMPLE_PAGES,
): Promise<{ videos: TikTokResearchVideo[]; complete: boolean }> {
  const videos: TikTokResearchVideo[] = [];
  let next: { search_id: string; cursor: number } | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await queryResearchVideos(deps, {
      query,
      ...window,
      max_count: RESEARCH_MAX_COUNT,
      ...(next ?? {}),
    });
    videos.push(...result.videos);
    if (!result.hasMore) return { videos, complete: true };
    next = { search_id: result.searchId, cursor: result.cursor };
  }
  return { videos, complete: false };
}

/** Views, and likes + comments + shares, summed over videos. */
export function engagementOf(videos: readonly TikTokResearchVideo[]): {
  views: number;
  interactions: number;
  rate: number;
} {
  let views = 0;
  let interactions = 0;
  for (const video of videos) {
    views += video.viewCount ?? 0;
    interactions += (video.likeCount ?? 0) + (video.commentCount ?? 0) + (video.shareCount ?? 0);
  }
  return { views, interactions, rate: views === 0 ? 0 : interactions / views };
}
