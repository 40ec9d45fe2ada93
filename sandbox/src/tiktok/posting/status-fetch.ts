import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { sendData, sendError } from '../core/envelope.ts';
import { int64 } from '../core/int64.ts';

/**
 * `POST /v2/post/publish/status/fetch/` `{publish_id}`: PROCESSING_UPLOAD / PROCESSING_DOWNLOAD →
 * PUBLISH_COMPLETE, SEND_TO_USER_INBOX or FAILED with `fail_reason`. `publicaly_available_post_id`
 * is spelled as TikTok spells it, and holds bare 64-bit numbers.
 */
export function statusFetch(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    const scopes = authOf(res).token.scopes;
    if (!scopes.includes('video.publish') && !hasScopes(ctx, res, ['video.upload'])) return;
    const id = (req.body as { publish_id?: unknown } | undefined)?.publish_id;
    const publish = typeof id === 'string' ? ctx.publishes.get(id) : undefined;
    if (!publish || publish.grantId !== authOf(res).grant.id) {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        'publish_id is invalid or does not belong to this user.',
      );
    }
    const status = ctx.publishes.status(publish);
    sendData(res, ctx.now(), {
      status,
      ...(status === 'FAILED' ? { fail_reason: publish.failReason } : {}),
      publicaly_available_post_id:
        publish.settled?.postId === undefined ? [] : [int64(publish.settled.postId)],
      uploaded_bytes: publish.uploadedBytes,
      ...(publish.source === 'PULL_FROM_URL'
        ? { downloaded_bytes: status === 'PROCESSING_DOWNLOAD' ? 0 : 10_485_760 }
        : {}),
    });
  };
}
