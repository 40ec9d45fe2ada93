import {
  bigint,
  boolean,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { integrationConnections } from './kit/connections.ts';
import { bytea } from './kit/kit-schema.ts';

/** Tables of the TikTok subgraph. */
export const tiktok = pgSchema('tiktok');

/** The TikTok account behind a connection, as last read from `/v2/user/info/` (spec 3.2 fields). */
export const accounts = tiktok.table('accounts', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => integrationConnections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id').notNull(),
  openId: text('open_id').notNull(),
  username: text('username'),
  displayName: text('display_name'),
  avatarUrl: text('avatar_url'),
  followerCount: integer('follower_count'),
  followingCount: integer('following_count'),
  likesCount: integer('likes_count'),
  videoCount: integer('video_count'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AccountRow = typeof accounts.$inferSelect;

/**
 * A video file a caller uploaded to IONFLUX (`POST /uploads/tiktok` at the gateway) for a FILE_UPLOAD
 * publish: stored in Postgres so that any replica's publish job can send it, deleted once TikTok has it
 * or when it expires unused.
 */
export const uploads = tiktok.table(
  'uploads',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** video/mp4, video/quicktime or video/webm (TikTok's accepted types). */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The publish that took the file: an upload is published once. */
    publishJobId: uuid('publish_job_id'),
  },
  (t) => [
    index('uploads_workspace_idx').on(t.workspaceId, t.createdAt),
    index('uploads_expires_idx').on(t.expiresAt),
  ],
);

/** The bytes of an upload in parts of 1 MiB (the last one shorter), in order. */
export const uploadParts = tiktok.table(
  'upload_parts',
  {
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    partNo: integer('part_no').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.partNo] })],
);

/**
 * One `publishTikTokVideo` (spec 3.2, 3.4): a direct post through the Content Posting API, driven by a
 * durable job (init, chunked upload, status polling) and by `post.publish.*` webhooks. `version` grows
 * with every change, so a subscriber can tell a new state from one it has shown.
 */
export const publishJobs = tiktok.table(
  'publish_jobs',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => integrationConnections.id, { onDelete: 'cascade' }),
    /** The user who asked (grant links in errors are issued to them). */
    requestedBy: uuid('requested_by').notNull(),
    /** FILE_UPLOAD or PULL_FROM_URL. */
    source: text('source').notNull(),
    videoUrl: text('video_url'),
    uploadId: uuid('upload_id').references(() => uploads.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    privacyLevel: text('privacy_level').notNull(),
    disableComment: boolean('disable_comment').notNull().default(false),
    disableDuet: boolean('disable_duet').notNull().default(false),
    disableStitch: boolean('disable_stitch').notNull().default(false),
    videoCoverTimestampMs: integer('video_cover_timestamp_ms'),
    /** QUEUED, INITIATING, UPLOADING, PROCESSING, PUBLISH_COMPLETE or FAILED. */
    status: text('status').notNull(),
    /** TikTok's last reported status (PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, …). */
    tiktokStatus: text('tiktok_status'),
    publishId: text('publish_id'),
    postIds: text('post_ids').array().notNull().default([]),
    videoSize: bigint('video_size', { mode: 'number' }),
    chunkSize: bigint('chunk_size', { mode: 'number' }),
    chunkCount: integer('chunk_count'),
    uploadedBytes: bigint('uploaded_bytes', { mode: 'number' }).notNull().default(0),
    /** The unified code of a failure (POLICY_VIOLATION for moderation). */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** TikTok's own reason (`fail_reason` or its error code). */
    failReason: text('fail_reason'),
    logId: text('log_id'),
    polls: integer('polls').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('publish_jobs_workspace_idx').on(t.workspaceId, t.createdAt),
    unique('publish_jobs_connection_publish_unique').on(t.connectionId, t.publishId),
  ],
);

export type PublishJobRow = typeof publishJobs.$inferSelect;
