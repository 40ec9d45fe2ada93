import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { sendData, sendError } from '../core/envelope.ts';
import { splitList } from '../core/scopes.ts';
import { displayVideo, unknownVideoFields } from './video-fields.ts';

function requestedFields(ctx: ApiContext, req: Request, res: Response): string[] | undefined {
  const fields = splitList(req.query['fields']);
  const unknown = unknownVideoFields(fields);
  if (fields.length === 0 || unknown.length > 0) {
    sendError(
      res,
      ctx.now(),
      'invalid_params',
      fields.length === 0 ? 'The fields parameter is required.' : `Invalid fields: ${unknown.join(',')}`,
    );
    return undefined;
  }
  return fields;
}

function body(req: Request): Record<string, unknown> {
  const value: unknown = req.body;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * `POST /v2/video/list/`: the user's public videos, newest first; `cursor` is a UTC millisecond
 * timestamp and the page holds videos created before it.
 */
export function videoList(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    if (!hasScopes(ctx, res, ['video.list'])) return;
    const fields = requestedFields(ctx, req, res);
    if (!fields) return;
    const { max_count: maxCount = 10, cursor } = body(req);
    if (typeof maxCount !== 'number' || !Number.isInteger(maxCount) || maxCount < 1 || maxCount > 20) {
      return sendError(res, ctx.now(), 'invalid_params', 'max_count must be an integer between 1 and 20.');
    }
    if (cursor !== undefined && (typeof cursor !== 'number' || cursor < 0)) {
      return sendError(res, ctx.now(), 'invalid_params', 'cursor must be a UTC timestamp in milliseconds.');
    }
    const before = cursor === undefined || cursor === 0 ? Number.POSITIVE_INFINITY : cursor;
    const videos = ctx.catalog
      .videosOf(authOf(res).user.userId)
      .filter((video) => video.isPublic && video.createTime * 1000 < before);
    const page = videos.slice(0, maxCount);
    const last = page.at(-1);
    sendData(res, ctx.now(), {
      videos: page.map((video) => displayVideo(video, fields)),
      cursor: last ? last.createTime * 1000 : 0,
      has_more: videos.length > page.length,
    });
  };
}

/** `POST /v2/video/query/`: up to 20 of the user's own videos by id (others are silently left out). */
export function videoQuery(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    if (!hasScopes(ctx, res, ['video.list'])) return;
    const fields = requestedFields(ctx, req, res);
    if (!fields) return;
    const filters = body(req)['filters'] as { video_ids?: unknown } | undefined;
    const ids = filters?.video_ids;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > 20 ||
      !ids.every((id) => typeof id === 'string')
    ) {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        'filters.video_ids must hold between 1 and 20 video ids.',
      );
    }
    const own = ctx.catalog.videosOf(authOf(res).user.userId).filter((video) => ids.includes(video.id));
    sendData(res, ctx.now(), { videos: own.map((video) => displayVideo(video, fields)) });
  };
}
