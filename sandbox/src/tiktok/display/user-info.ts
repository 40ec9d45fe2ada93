import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { authOf, hasScopes } from '../core/bearer-auth.ts';
import { sendData, sendError } from '../core/envelope.ts';
import { splitList, USER_FIELD_SCOPES } from '../core/scopes.ts';
import type { TikTokUser } from '../data/types.ts';
import { unionIdFor } from '../oauth/open-id.ts';

function userValue(ctx: ApiContext, user: TikTokUser, openId: string, field: string): unknown {
  switch (field) {
    case 'open_id':
      return openId;
    case 'union_id':
      return unionIdFor(user.userId);
    case 'avatar_url':
    case 'avatar_url_100':
    case 'avatar_large_url':
      return user.avatarUrl;
    case 'display_name':
      return user.displayName;
    case 'bio_description':
      return user.bioDescription;
    case 'profile_deep_link':
      return `https://vm.tiktok.com/sandbox/@${user.username}`;
    case 'is_verified':
      return user.isVerified;
    case 'username':
      return user.username;
    case 'follower_count':
      return user.followerCount;
    case 'following_count':
      return user.followingCount;
    case 'likes_count':
      return user.likesCount;
    case 'video_count':
      return ctx.catalog.videosOf(user.userId).length;
    default:
      return undefined;
  }
}

/** `GET /v2/user/info/?fields=…`: each field needs its scope (basic, profile or stats). */
export function userInfo(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    const fields = splitList(req.query['fields']);
    if (fields.length === 0)
      return sendError(res, ctx.now(), 'invalid_params', 'The fields parameter is required.');
    const unknown = fields.filter((field) => USER_FIELD_SCOPES[field] === undefined);
    if (unknown.length > 0)
      return sendError(res, ctx.now(), 'invalid_params', `Invalid fields: ${unknown.join(',')}`);
    const scopes = [...new Set(fields.map((field) => USER_FIELD_SCOPES[field] ?? 'user.info.basic'))];
    if (!hasScopes(ctx, res, scopes)) return;
    const { user, grant } = authOf(res);
    const values = Object.fromEntries(
      fields.map((field) => [field, userValue(ctx, user, grant.openId, field)]),
    );
    sendData(res, ctx.now(), { user: values });
  };
}
