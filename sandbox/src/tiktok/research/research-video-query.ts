import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { sendData, sendError } from '../core/envelope.ts';
import { int64 } from '../core/int64.ts';
import { splitList } from '../core/scopes.ts';
import type { TikTokVideo } from '../data/types.ts';
import { dateOf, matchesQuery, readResearchQuery } from './research-filter.ts';

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
  'effect_ids',
  'playlist_id',
  'voice_to_text',
  'video_duration',
  'is_stem_verified',
];

function researchValue(video: TikTokVideo, field: string): unknown {
  const values: Record<string, unknown> = {
    id: int64(video.id),
    video_description: video.description,
    create_time: video.createTime,
    region_code: video.regionCode,
    share_count: video.shareCount,
    view_count: video.viewCount,
    like_count: video.likeCount,
    comment_count: video.commentCount,
    music_id: video.musicId,
    hashtag_names: video.hashtagNames,
    username: video.username,
    effect_ids: video.effectIds,
    playlist_id: 0,
    voice_to_text: video.voiceToText,
    video_duration: video.duration,
    is_stem_verified: false,
  };
  return values[field];
}

const DATE = /^\d{8}$/;
const toMs = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));

/**
 * `POST /v2/research/video/query/?fields=…` with a client token: public videos matching the query in
 * a date range of at most 30 days, paged by `cursor` under a `search_id` that pins the result set.
 * Hashtag trends have no endpoint of their own: query by `hashtag_name` or `keyword` and aggregate
 * `hashtag_names` over the results.
 */
export function researchVideoQuery(ctx: ApiContext): RequestHandler {
  const searches = new Map<string, string[]>();
  return (req: Request, res: Response) => {
    const fail = (message: string) => sendError(res, ctx.now(), 'invalid_params', message);
    const fields = splitList(req.query['fields']);
    const unknown = fields.filter((field) => !RESEARCH_FIELDS.includes(field));
    if (fields.length === 0 || unknown.length > 0)
      return fail(
        fields.length === 0 ? 'The fields parameter is required.' : `Invalid fields: ${unknown.join(',')}`,
      );
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const {
      start_date: start,
      end_date: end,
      max_count: maxCount = 20,
      cursor = 0,
      search_id: searchId,
    } = body;
    if (typeof start !== 'string' || typeof end !== 'string' || !DATE.test(start) || !DATE.test(end)) {
      return fail('start_date and end_date are required, as YYYYMMDD.');
    }
    if (end < start || toMs(end) - toMs(start) > 30 * 86_400_000)
      return fail('end_date must be on or after start_date and at most 30 days later.');
    if (typeof maxCount !== 'number' || !Number.isInteger(maxCount) || maxCount < 1 || maxCount > 100)
      return fail('max_count must be between 1 and 100.');
    if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0)
      return fail('cursor must be a non-negative integer.');
    const query = readResearchQuery(body['query']);
    if (typeof query === 'string') return fail(query);
    let ids: string[] | undefined;
    let id = typeof searchId === 'string' ? searchId : '';
    if (id !== '') {
      ids = searches.get(id);
      if (!ids) return fail('search_id is invalid or expired.');
    } else {
      ids = ctx.catalog
        .publicVideos()
        .filter(
          (video) =>
            dateOf(video.createTime) >= start &&
            dateOf(video.createTime) <= end &&
            matchesQuery(video, query),
        )
        .map((video) => video.id);
      id = BigInt(
        `0x${createHash('sha256')
          .update(JSON.stringify([body['query'], start, end]))
          .digest('hex')
          .slice(0, 15)}`,
      ).toString();
      searches.set(id, ids);
    }
    const byId = new Map(ctx.catalog.publicVideos().map((video) => [video.id, video]));
    const page = ids.slice(cursor, cursor + maxCount).flatMap((videoId) => byId.get(videoId) ?? []);
    sendData(res, ctx.now(), {
      videos: page.map((video) =>
        Object.fromEntries(fields.map((field) => [field, researchValue(video, field)])),
      ),
      cursor: cursor + page.length,
      has_more: cursor + page.length < ids.length,
      search_id: id,
    });
  };
}
