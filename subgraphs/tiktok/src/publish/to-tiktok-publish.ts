import type { TikTokPrivacyLevel, TikTokPublish } from '../generated/resolvers-types.ts';
import { TIKTOK_COMPLIANCE_NOTICE } from './compliance-notice.ts';
import type { PublishRecord } from './publish-store.ts';

/** A stored publish as the GraphQL `TikTokPublish`, with the compliance notice (spec 3.4). */
export function toTikTokPublish(record: PublishRecord): TikTokPublish {
  return {
    jobId: record.id,
    connectionId: record.connectionId,
    source: record.source,
    status: record.status,
    tiktokStatus: record.tiktokStatus,
    publishId: record.publishId,
    postIds: record.postIds,
    title: record.title,
    description: record.description,
    privacyLevel: record.privacyLevel as TikTokPrivacyLevel,
    videoSize: record.videoSize,
    chunkSize: record.chunkSize,
    chunkCount: record.chunkCount,
    uploadedBytes: record.uploadedBytes,
    error:
      record.errorCode === null
        ? null
        : {
            code: record.errorCode,
            message: record.errorMessage ?? '',
            tiktokReason: record.failReason,
            logId: record.logId,
          },
    complianceNotice: TIKTOK_COMPLIANCE_NOTICE,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    finishedAt: record.finishedAt,
  };
}
