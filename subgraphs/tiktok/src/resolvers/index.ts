import { resolveIntegrationConnections } from '@ionflux/kit/connections';
import { IntegrationError, toGraphQLError } from '@ionflux/kit/errors';
import { resolveMarkNotificationsRead, resolveWorkspaceNotifications } from '@ionflux/kit/notifications';
import { DateTimeScalar } from '@ionflux/kit/scalars';
import { readTikTokProfile, readTikTokVideoInsights, readTikTokVideos } from '../api/tiktok-reads.ts';
import { listTikTokConnections, toTikTokConnection } from '../connections/index.ts';
import type { IntegrationProvider, Resolvers } from '../generated/resolvers-types.ts';
import { disconnectTikTokConnection, requestTikTokScopes, startTikTokConnection } from '../oauth/index.ts';
import { findPublish } from '../publish/publish-store.ts';
import { publishTikTokVideo } from '../publish/publish-tiktok-video.ts';
import { subscribePublishStatus } from '../publish/subscribe-publish-status.ts';
import { toTikTokPublish } from '../publish/to-tiktok-publish.ts';
import { analyzeCreator, readHashtagTrends, readResearchVideos } from '../research/index.ts';
import {
  replayTikTokWebhookDelivery,
  tiktokPublishes,
  tiktokWebhookDeliveries,
} from '../webhook-deliveries/index.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    tiktokConnections: async (_parent, { brandId, creatorId }, { db, identity }) => {
      if (brandId && creatorId) {
        throw toGraphQLError(
          new IntegrationError(
            'INVALID_REQUEST',
            'Give brandId or creatorId, not both: a connection has one owner.',
          ),
        );
      }
      const records = await listTikTokConnections(db, identity.workspaceId, {
        brandId: brandId ?? undefined,
        creatorId: creatorId ?? undefined,
      });
      return records.map(toTikTokConnection);
    },
    tiktokProfile: (_parent, { connectionId }, context) => readTikTokProfile(context, connectionId),
    tiktokVideos: (_parent, { connectionId, first, after }, context) =>
      readTikTokVideos(context, { connectionId, first: first ?? 20, after: after ?? null }),
    tiktokVideoInsights: (_parent, { connectionId, videoIds }, context) =>
      readTikTokVideoInsights(context, { connectionId, videoIds }),
    tiktokResearchVideos: (_parent, args, context) =>
      readResearchVideos(context, {
        keywords: args.keywords,
        hashtags: args.hashtags,
        regions: args.regions,
        from: new Date(args.from),
        to: new Date(args.to),
        first: args.first ?? 20,
        after: args.after ?? null,
      }),
    tiktokHashtags: (_parent, args, context) =>
      readHashtagTrends(context, {
        keywords: args.keywords,
        hashtags: args.names,
        regions: args.regions,
        days: args.days ?? 7,
        first: args.first ?? 20,
      }),
    analyzeTikTokCreator: (_parent, { username, days }, context) =>
      analyzeCreator(context, { username, days: days ?? 30 }),
    tiktokPublish: async (_parent, { jobId }, { sql, identity }) => {
      const record = await findPublish(sql, identity.workspaceId, jobId);
      if (!record) throw new IntegrationError('NOT_FOUND', 'That publish does not exist in this workspace.');
      return toTikTokPublish(record);
    },
    tiktokPublishes,
    tiktokWebhookDeliveries,
    integrationConnections: (_parent, args, { db, identity }) =>
      resolveIntegrationConnections<IntegrationProvider>(db, identity.workspaceId, args),
    workspaceNotifications: (_parent, args, { db, identity }) =>
      resolveWorkspaceNotifications<IntegrationProvider>(db, identity.workspaceId, args),
  },
  Mutation: {
    startTikTokConnection,
    requestTikTokScopes,
    disconnectTikTokConnection,
    publishTikTokVideo: (_parent, { input }, context) => publishTikTokVideo(context, input),
    replayTikTokWebhookDelivery,
    markWorkspaceNotificationsRead: (_parent, args, { db, identity }) =>
      resolveMarkNotificationsRead(db, identity.workspaceId, args),
  },
  Subscription: {
    tiktokPublishStatus: {
      subscribe: (_parent, { jobId }, { sql, bus, identity }) =>
        subscribePublishStatus({ sql, bus }, identity.workspaceId, jobId),
    },
  },
  TikTokConnection: {
    __resolveReference: async (reference, { db, identity }) => {
      const [record] = await listTikTokConnections(db, identity.workspaceId, { connectionId: reference.id });
      return record ? toTikTokConnection(record) : null;
    },
  },
  TikTokVideo: {
    __resolveReference: (reference, { videosById }) => videosById.load(reference.id),
  },
};
