import { dataOf, exchangeWithTikTok } from '../api/call-tiktok.ts';
import type { TikTokResearchVideo } from '../generated/resolvers-types.ts';
import type { ClientTokenSource } from './client-token.ts';
import { RESEARCH_MAX_COUNT, type ResearchQuery } from './research-query.ts';

const RESEARCH_FIELDS = [
  'id',
  'video_description',
  'create_time',
  'region_code',
  'share_count',
  'view_count',
  'like_count',
  'comment_count',
  'music_id',
  'hashtag_names',
  'username',
  'video_duration',
].join(',');

/** A video as `/v2/research/video/query/` sends it (ids may be JSON numbers beyond 2^53: read as text). */
interface WireResearchVideo {
  id: string | number;
  video_description?: string;
  create_time: number;
  region_code?: string;
  share_count?: number;
  view_count?: number;
  like_count?: number;
  comment_count?: number;
  music_id?: string | number;
  hashtag_names?: string[];
  username?: string;
  video_duration?: number;
}

export interface ResearchPage {
  videos: TikTokResearchVideo[];
  searchId: string;
  cursor: number;
  hasMore: boolean;
}

/** What a research call needs: the app's client token and the API origin. */
export interface ResearchDeps {
  clientToken: ClientTokenSource;
  apiOrigin: string;
}

function toResearchVideo(video: WireResearchVideo): TikTokResearchVideo {
  return {
    id: String(video.id),
    username: video.username ?? null,
    description: video.video_description ?? null,
    createTime: new Date(video.create_time * 1000),
    regionCode: video.region_code ?? null,
    durationSeconds: video.video_duration ?? null,
    viewCount: video.view_count ?? null,
    likeCount: video.like_count ?? null,
    commentCount: video.comment_count ?? null,
    shareCount: video.share_count ?? null,
    hashtags: video.hashtag_names ?? [],
    musicId: video.music_id === undefined ? null : String(video.music_id),
  };
}

/**
 * One page of `/v2/research/video/query/` with the app's client token (renewed once if TikTok refuses
 * it), TikTok's errors mapped to the unified codes (`dataOf`).
 */
export async function queryResearchVideos(
  deps: ResearchDeps,
  request: {
    query: ResearchQuery;
    start_date: string;
    end_date: string;
    max_count: number;
    cursor?: number;
    search_id?: string;
  },
): Promise<ResearchPage> {
  const call = {
    method: 'POST' as const,
    path: '/v2/research/video/query/',
    query: { fields: RESEARCH_FIELDS },
    body: { ...request, max_count: Math.min(request.max_count, RESEARCH_MAX_COUNT) },
  };
  let token = await deps.clientToken.token();
  let answer = await exchangeWithTikTok(deps.apiOrigin, call, token);
  if (answer.status === 401 && answer.body.error?.code === 'access_token_invalid') {
    deps.clientToken.invalidate(token);
    token = await deps.clientToken.token();
    answer = await exchangeWithTikTok(deps.apiOrigin, call, token);
  }
  const data = dataOf<{
    videos?: WireResearchVideo[];
    cursor?: number;
    has_more?: boolean;
    search_id?: string | number;
  }>(answer);
  return {
    videos: (data.videos ?? []).map(toResearchVideo),
    searchId: data.search_id === undefined ? '' : String(data.search_id),
    cursor: data.cursor ?? 0,
    hasMore: data.has_more === true,
  };
}
