import { IntegrationError } from '@ionflux/kit/errors';
import DataLoader from 'dataloader';
import { listTikTokConnections } from '../connections/index.ts';
import type { TikTokContext } from '../context.ts';
import type { TikTokVideo } from '../generated/resolvers-types.ts';
import { requireTikTokOAuth } from '../oauth/index.ts';
import { callTikTok } from './call-tiktok.ts';
import { MAX_VIDEOS_PER_PAGE, toVideo, VIDEO_FIELDS, type WireVideo } from './tiktok-reads.ts';

const VIDEO_ID = /^\d{1,24}$/;

/**
 * Per request: TikTokVideo entities by id (`__resolveReference`, when another subgraph names a video).
 * A video id does not say which account may read it, so the ids of one batch are looked up with
 * `/v2/video/query/` (20 per call) in each connected account of the workspace that granted video.list,
 * until found. An id no account has is null; when an account could not be asked (expired grant, TikTok
 * down), the ids not found elsewhere carry that account's error instead of a silent null.
 */
export function createVideoByIdLoader(
  context: Omit<TikTokContext, 'videosById'>,
): DataLoader<string, TikTokVideo | null> {
  return new DataLoader<string, TikTokVideo | null>(
    async (ids) => {
      const found = new Map<string, TikTokVideo>();
      let failure: Error | undefined;
      let missing = [...new Set(ids.filter((id) => VIDEO_ID.test(id)))];
      if (missing.length > 0) {
        const oauth = requireTikTokOAuth(context.oauth);
        const records = await listTikTokConnections(context.db, context.identity.workspaceId);
        const readable = records.filter(
          ({ connection }) => connection.status === 'CONNECTED' && connection.scopes.includes('video.list'),
        );
        const deps = {
          oauth,
          apiOrigin: context.apiOrigin,
          userId: context.identity.userId,
          pacer: context.pacer,
        };
        for (const record of readable) {
          for (let start = 0; start < missing.length; start += MAX_VIDEOS_PER_PAGE) {
            const chunk = missing.slice(start, start + MAX_VIDEOS_PER_PAGE);
            try {
              const data = await callTikTok<{ videos?: WireVideo[] }>(deps, record, {
                method: 'POST',
                path: '/v2/video/query/',
                query: { fields: VIDEO_FIELDS },
                body: { filters: { video_ids: chunk } },
                scopes: ['video.list'],
              });
              for (const video of data.videos ?? []) found.set(video.id, toVideo(video));
            } catch (error) {
              failure ??= error instanceof Error ? error : new IntegrationError('INTERNAL', String(error));
            }
          }
          missing = missing.filter((id) => !found.has(id));
          if (missing.length === 0) break;
        }
      }
      return ids.map((id) => found.get(id) ?? (failure && VIDEO_ID.test(id) ? failure : null));
    },
    { maxBatchSize: 100 },
  );
}
