import { IntegrationError } from '@ionflux/kit/errors';
import { listTikTokConnections, type TikTokConnectionRecord } from '../connections/index.ts';
import type { TikTokContext } from '../context.ts';
import type {
  TikTokProfile,
  TikTokVideo,
  TikTokVideoInsight,
  TikTokVideoPage,
} from '../generated/resolvers-types.ts';
import { requireTikTokOAuth } from '../oauth/index.ts';
import { callTikTok, type TikTokApiDeps } from './call-tiktok.ts';

/** TikTok's max_count bound of `/v2/video/list/`. @default 20 */
export const MAX_VIDEOS_PER_PAGE = 20;

const PROFILE_FIELDS: Record<string, readonly string[]> = {
  'user.info.basic': ['open_id', 'avatar_url', 'display_name'],
  'user.info.profile': ['username', 'bio_description', 'is_verified'],
  'user.info.stats': ['follower_count', 'following_count', 'likes_count', 'video_count'],
};

/** The fields of `/v2/video/list/` and `/v2/video/query/` a TikTokVideo is made of. */
export const VIDEO_FIELDS = [
  'id',
  'title',
  'video_description',
  'create_time',
  'duration',
  'cover_image_url',
  'share_url',
  'view_count',
  'like_count',
  'comment_count',
  'share_count',
].join(',');

/** A video as TikTok's Display API sends it. */
export interface WireVideo {
  id: string;
  title?: string;
  video_description?: string;
  create_time: number;
  duration?: number;
  cover_image_url?: string;
  share_url?: string;
  view_count?: number;
  like_count?: number;
  comment_count?: number;
  share_count?: number;
}

/** The connection of this workspace with the API deps, or NOT_FOUND. */
export async function tiktokConnectionOf(
  context: TikTokContext,
  connectionId: string,
): Promise<{ record: TikTokConnectionRecord; deps: TikTokApiDeps }> {
  const oauth = requireTikTokOAuth(context.oauth);
  const [record] = await listTikTokConnections(context.db, context.identity.workspaceId, { connectionId });
  if (!record) {
    throw new IntegrationError('NOT_FOUND', 'That TikTok connection does not exist in this workspace.');
  }
  return {
    record,
    deps: {
      oauth,
      apiOrigin: context.apiOrigin,
      userId: context.identity.userId,
      pacer: context.pacer,
    },
  };
}

/** `tiktokProfile`: `/v2/user/info/` with the fields the granted scopes allow (user.info.basic at least). */
export async function readTikTokProfile(
  context: TikTokContext,
  connectionId: string,
): Promise<TikTokProfile> {
  const { record, deps } = await tiktokConnectionOf(context, connectionId);
  const fields = record.connection.scopes.flatMap((scope) => PROFILE_FIELDS[scope] ?? []);
  const data = await callTikTok<{ user?: Record<string, unknown> }>(deps, record, {
    method: 'GET',
    path: '/v2/user/info/',
    query: { fields: (fields.length > 0 ? fields : (PROFILE_FIELDS['user.info.basic'] ?? [])).join(',') },
    scopes: ['user.info.basic'],
  });
  const user = data.user ?? {};
  const text = (key: string) => (typeof user[key] === 'string' ? (user[key] as string) : null);
  const int = (key: string) => (typeof user[key] === 'number' ? (user[key] as number) : null);
  return {
    connectionId,
    openId: text('open_id') ?? record.connection.accountId,
    displayName: text('display_name'),
    avatarUrl: text('avatar_url'),
    username: text('username'),
    bioDescription: text('bio_description'),
    isVerified: typeof user['is_verified'] === 'boolean' ? user['is_verified'] : null,
    followerCount: int('follower_count'),
    followingCount: int('following_count'),
    likesCount: int('likes_count'),
    videoCount: int('video_count'),
  };
}

export function toVideo(video: WireVideo): TikTokVideo {
  return {
    id: video.id,
    title: video.title ?? null,
    description: video.video_description ?? null,
    createTime: new Date(video.create_time * 1000),
    duration: video.duration ?? null,
    coverImageUrl: video.cover_image_url ?? null,
    shareUrl: video.share_url ?? null,
    viewCount: video.view_count ?? null,
    likeCount: video.like_count ?? null,
    commentCount: video.comment_count ?? null,
    shareCount: video.share_count ?? null,
  };
}

/**
 * `tiktokVideos`: one page of `/v2/video/list/`. TikTok's cursor (a UTC millisecond timestamp) is the
 * page's `endCursor`; `after` must be one (a non-negative integer), else INVALID_REQUEST before any call.
 */
export async function readTikTokVideos(
  context: TikTokContext,
  args: { connectionId: string; first: number; after: string | null },
): Promise<TikTokVideoPage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_VIDEOS_PER_PAGE) {
    throw new IntegrationError('INVALID_REQUEST', `first must be between 1 and ${MAX_VIDEOS_PER_PAGE}.`);
  }
  let cursor: number | undefined;
  if (args.after !== null) {
    if (!/^\d{1,16}$/.test(args.after)) {
      throw new IntegrationError('INVALID_REQUEST', 'after must be an endCursor of a previous page.');
    }
    cursor = Number(args.after);
  }
  const { record, deps } = await tiktokConnectionOf(context, args.connectionId);
  const data = await callTikTok<{ videos?: WireVideo[]; cursor?: number; has_more?: boolean }>(deps, record, {
    method: 'POST',
    path: '/v2/video/list/',
    query: { fields: VIDEO_FIELDS },
    body: { max_count: args.first, ...(cursor === undefined ? {} : { cursor }) },
    scopes: ['video.list'],
  });
  const hasNextPage = data.has_more === true;
  return {
    nodes: (data.videos ?? []).map(toVideo),
    pageInfo: {
      hasNextPage,
      endCursor: hasNextPage && data.cursor !== undefined ? String(data.cursor) : null,
    },
  };
}

/** `tiktokVideoInsights`: `/v2/video/query/` for up to 20 own videos, in the order asked. */
export async function readTikTokVideoInsights(
  context: TikTokContext,
  args: { connectionId: string; videoIds: readonly string[] },
): Promise<TikTokVideoInsight[]> {
  const videoIds = [...new Set(args.videoIds)];
  if (videoIds.length === 0 || videoIds.length > MAX_VIDEOS_PER_PAGE) {
    throw new IntegrationError('INVALID_REQUEST', `Give between 1 and ${MAX_VIDEOS_PER_PAGE} video ids.`);
  }
  if (!videoIds.every((id) => /^\d{1,24}$/.test(id))) {
    throw new IntegrationError('INVALID_REQUEST', 'A TikTok video id is a string of digits.');
  }
  const { record, deps } = await tiktokConnectionOf(context, args.connectionId);
  const data = await callTikTok<{ videos?: WireVideo[] }>(deps, record, {
    method: 'POST',
    path: '/v2/video/query/',
    query: { fields: 'id,view_count,like_count,comment_count,share_count' },
    body: { filters: { video_ids: videoIds } },
    scopes: ['video.list'],
  });
  const byId = new Map((data.videos ?? []).map((video) => [video.id, video]));
  return videoIds.flatMap((id) => {
    const video = byId.get(id);
    if (!video) return [];
    const views = video.view_count ?? 0;
    const likes = video.like_count ?? 0;
    const comments = video.comment_count ?? 0;
    const shares = video.share_count ?? 0;
    return [
      {
        videoId: id,
        viewCount: views,
        likeCount: likes,
        commentCount: comments,
        shareCount: shares,
        engagementRate: views === 0 ? 0 : (likes + comments + shares) / views,
      },
    ];
  });
}
