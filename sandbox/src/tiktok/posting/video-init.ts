import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { sendData, sendError } from '../core/envelope.ts';
import { chunkPlanError } from './chunk-rules.ts';
import { PRIVACY_LEVEL_OPTIONS } from './creator-info.ts';
import type { Publish } from './publish-store.ts';

type Fields = Record<string, unknown>;
const record = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};

function verifiedUrl(ctx: ApiContext, value: unknown): boolean {
  try {
    return typeof value === 'string' && ctx.client.verifiedDomains.includes(new URL(value).hostname);
  } catch {
    return false;
  }
}

/**
 * `POST /v2/post/publish/video/init/` (direct post, `video.publish`) and
 * `POST /v2/post/publish/inbox/video/init/` (draft to inbox, `video.upload`).
 */
export function videoInit(ctx: ApiContext, mode: Publish['mode']): RequestHandler {
  return (req: Request, res: Response) => {
    if (!hasScopes(ctx, res, [mode === 'INBOX' ? 'video.upload' : 'video.publish'])) return;
    const body = record(req.body);
    const postInfo = record(body['post_info']);
    const sourceInfo = record(body['source_info']);
    const title = typeof postInfo['title'] === 'string' ? postInfo['title'] : '';
    const privacyLevel = typeof postInfo['privacy_level'] === 'string' ? postInfo['privacy_level'] : '';
    if (mode === 'DIRECT_POST') {
      if (!PRIVACY_LEVEL_OPTIONS.includes(privacyLevel)) {
        return sendError(
          res,
          ctx.now(),
          'privacy_level_option_mismatch',
          'post_info.privacy_level must be one of the creator_info privacy_level_options.',
        );
      }
      if (!ctx.client.audited && privacyLevel !== 'SELF_ONLY') {
        return sendError(
          res,
          ctx.now(),
          'unaudited_client_can_only_post_to_private_accounts',
          'Unaudited clients can only post with privacy_level SELF_ONLY.',
        );
      }
    }
    const source = sourceInfo['source'];
    if (source !== 'FILE_UPLOAD' && source !== 'PULL_FROM_URL') {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        'source_info.source must be FILE_UPLOAD or PULL_FROM_URL.',
      );
    }
    const plan = {
      videoSize: sourceInfo['video_size'],
      chunkSize: sourceInfo['chunk_size'],
      totalChunkCount: sourceInfo['total_chunk_count'],
    };
    if (source === 'FILE_UPLOAD') {
      const problem = chunkPlanError(plan);
      if (problem) return sendError(res, ctx.now(), 'invalid_params', problem);
    } else if (!verifiedUrl(ctx, sourceInfo['video_url'])) {
      return sendError(
        res,
        ctx.now(),
        'url_ownership_unverified',
        'The domain of video_url is not verified for this app.',
      );
    }
    const { grant, user } = authOf(res);
    const publish = ctx.publishes.create({
      grantId: grant.id,
      openId: grant.openId,
      userId: user.userId,
      mode,
      source,
      title,
      privacyLevel: mode === 'INBOX' ? 'SELF_ONLY' : privacyLevel,
      plan: source === 'FILE_UPLOAD' ? (plan as Publish['plan']) : undefined,
    });
    sendData(res, ctx.now(), {
      publish_id: publish.id,
      ...(source === 'FILE_UPLOAD'
        ? {
            upload_url: `${ctx.origin()}/video/?upload_id=${publish.uploadId}&upload_token=${publish.uploadToken}`,
          }
        : {}),
    });
  };
}
