import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { logId, sendError } from '../core/envelope.ts';

/**
 * TikTok sends post ids as bare 19-digit JSON numbers, beyond JavaScript's safe integers; the
 * simulator writes them the same way (a client must parse them losslessly to keep them exact).
 */
const POST_IDS = '__publicaly_available_post_ids__';

/**
 * `POST /v2/post/publish/status/fetch/` `{publish_id}`: PROCESSING_UPLOAD / PROCESSING_DOWNLOAD →
 * PUBLISH_COMPLETE, SEND_TO_USER_INBOX or FAILED with `fail_reason`. `publicaly_available_post_id`
 * is spelled as TikTok spells it.
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
    const data = {
      status,
      ...(status === 'FAILED' ? { fail_reason: publish.failReason } : {}),
      publicaly_available_post_id: POST_IDS,
      uploaded_bytes: publish.uploadedBytes,
      ...(publish.source === 'PULL_FROM_URL'
        ? { downloaded_bytes: status === 'PROCESSING_DOWNLOAD' ? 0 : 10_485_760 }
        : {}),
    };
    const postIds = publish.settled?.postId === undefined ? '[]' : `[${publish.settled.postId}]`;
    const json = JSON.stringify({ data, error: { code: 'ok', message: '', log_id: logId(ctx.now()) } });
    res
      .status(200)
      .type('json')
      .send(json.replace(`"${POST_IDS}"`, postIds));
  };
}
