import express, { type ErrorRequestHandler, type Express } from 'express';
import type { ApiContext } from './core/api-context.ts';
import { clientAuth, userAuth } from './core/bearer-auth.ts';
import { sendError } from './core/envelope.ts';
import { userInfo } from './display/user-info.ts';
import { videoList, videoQuery } from './display/video-list.ts';
import { authorizeDecision, authorizePage } from './oauth/authorize-page.ts';
import { revokeEndpoint, tokenEndpoint } from './oauth/token-endpoint.ts';
import { creatorInfo } from './posting/creator-info.ts';
import { statusFetch } from './posting/status-fetch.ts';
import { videoInit } from './posting/video-init.ts';
import { videoUpload } from './posting/video-upload.ts';
import { researchVideoQuery } from './research/research-video-query.ts';

/**
 * Every public TikTok route, on one origin standing for www.tiktok.com (authorize page),
 * open.tiktokapis.com (API) and open-upload.tiktokapis.com (uploads).
 */
export function mountTikTokRoutes(app: Express, ctx: ApiContext): void {
  const form = express.urlencoded({ extended: false });
  const json = express.json({ type: () => true });
  app.get('/v2/auth/authorize/', authorizePage(ctx));
  app.post('/v2/auth/authorize/', form, authorizeDecision(ctx));
  app.post('/v2/oauth/token/', form, tokenEndpoint(ctx));
  app.post('/v2/oauth/revoke/', form, revokeEndpoint(ctx));
  app.get('/v2/user/info/', userAuth(ctx, 'user_info'), userInfo(ctx));
  app.post('/v2/video/list/', userAuth(ctx, 'video_list'), json, videoList(ctx));
  app.post('/v2/video/query/', userAuth(ctx, 'video_query'), json, videoQuery(ctx));
  app.post('/v2/post/publish/creator_info/query/', userAuth(ctx, 'creator_info'), creatorInfo(ctx));
  app.post('/v2/post/publish/video/init/', userAuth(ctx, 'post_init'), json, videoInit(ctx, 'DIRECT_POST'));
  app.post('/v2/post/publish/inbox/video/init/', userAuth(ctx, 'post_init'), json, videoInit(ctx, 'INBOX'));
  app.post('/v2/post/publish/status/fetch/', userAuth(ctx, 'status_fetch'), json, statusFetch(ctx));
  app.put('/video/', express.raw({ type: () => true, limit: '130mb' }), videoUpload(ctx));
  app.post('/v2/research/video/query/', clientAuth(ctx, 'research'), json, researchVideoQuery(ctx));
  app.use((_req, res) =>
    sendError(res, ctx.now(), 'invalid_params', 'The requested endpoint does not exist.', 404),
  );
  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown }).status;
    sendError(
      res,
      ctx.now(),
      'invalid_params',
      'The request body could not be parsed.',
      status === 413 ? 413 : 400,
    );
  };
  app.use(bodyErrors);
}
