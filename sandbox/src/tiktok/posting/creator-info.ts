import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { sendData } from '../core/envelope.ts';

export const PRIVACY_LEVEL_OPTIONS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
];

/** `POST /v2/post/publish/creator_info/query/`: what the creator may post, before a direct post. */
export function creatorInfo(ctx: ApiContext): RequestHandler {
  return (_req: Request, res: Response) => {
    if (!hasScopes(ctx, res, ['video.publish'])) return;
    const { user } = authOf(res);
    sendData(res, ctx.now(), {
      creator_avatar_url: user.avatarUrl,
      creator_username: user.username,
      creator_nickname: user.displayName,
      privacy_level_options: PRIVACY_LEVEL_OPTIONS,
      comment_disabled: false,
      duet_disabled: false,
      stitch_disabled: true,
      max_video_post_duration_sec: 600,
    });
  };
}
