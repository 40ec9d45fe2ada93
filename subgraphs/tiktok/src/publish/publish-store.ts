import type { Sql } from '@ionflux/kit/db';
import { readTimestamp, type StoredTimestamp } from '@ionflux/kit/db';
import type { EventBus } from '@ionflux/kit/events';

/** Where a publish is (the GraphQL `TikTokPublishState`). */
export type PublishState =
  | 'QUEUED'
  | 'INITIATING'
  | 'UPLOADING'
  | 'PROCESSING'
  | 'PUBLISH_COMPLETE'
  | 'FAILED';

/** States after which nothing changes a publish's outcome. */
export const FINAL_STATES: readonly PublishState[] = ['PUBLISH_COMPLETE', 'FAILED'];

export const isFinal = (state: string): boolean => (FINAL_STATES as readonly string[]).includes(state);

/** A `tiktok.publish_jobs` row. */
export interface PublishRecord {
  id: string;
  workspaceId: string;
  connectionId: string;
  requestedBy: string;
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  videoUrl: string | null;
  uploadId: string | null;
  title: string;
  description: string | null;
  privacyLevel: string;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  videoCoverTimestampMs: number | null;
  status: PublishState;
  tiktokStatus: string | null;
  publishId: string | null;
  postIds: string[];
  videoSize: number | null;
  chunkSize: number | null;
  chunkCount: number | null;
  uploadedBytes: number;
  errorCode: string | null;
  errorMessage: string | null;
  failReason: string | null;
  logId: string | null;
  polls: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The changeable columns, by field name. */
export type PublishChange = Partial<
  Pick<
    PublishRecord,
    | 'status'
    | 'tiktokStatus'
    | 'publishId'
    | 'postIds'
    | 'uploadedBytes'
    | 'errorCode'
    | 'errorMessage'
    | 'failReason'
    | 'logId'
    | 'polls'
  >
>;

const COLUMN_OF: Record<keyof PublishChange, string> = {
  status: 'status',
  tiktokStatus: 'tiktok_status',
  publishId: 'publish_id',
  postIds: 'post_ids',
  uploadedBytes: 'uploaded_bytes',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  failReason: 'fail_reason',
  logId: 'log_id',
  polls: 'polls',
};

// Read through a drizzle-wrapped pool too: timestamps come as text (readTimestamp), bigints are cast to
// float8 (exact to 2^53, far above TikTok's 4 GiB), the post ids (digits) joined with commas.
const COLUMNS = `id, workspace_id as "workspaceId", connection_id as "connectionId", requested_by as "requestedBy",
  source, video_url as "videoUrl", upload_id as "uploadId", title, description, privacy_level as "privacyLevel",
  disable_comment as "disableComment", disable_duet as "disableDuet", disable_stitch as "disableStitch",
  video_cover_timestamp_ms as "videoCoverTimestampMs", status, tiktok_status as "tiktokStatus",
  publish_id as "publishId", array_to_string(post_ids, ',') as "postIds", video_size::float8 as "videoSize",
  chunk_size::float8 as "chunkSize", chunk_count as "chunkCount", uploaded_bytes::float8 as "uploadedBytes",
  error_code as "errorCode", error_message as "errorMessage", fail_reason as "failReason", log_id as "logId",
  polls, version, created_at as "createdAt", updated_at as "updatedAt", finished_at as "finishedAt"`;

type StoredRecord = Omit<PublishRecord, 'postIds' | 'createdAt' | 'updatedAt' | 'finishedAt'> & {
  postIds: string;
  createdAt: StoredTimestamp;
  updatedAt: StoredTimestamp;
  finishedAt: StoredTimestamp | null;
};

function toRecord(row: StoredRecord): PublishRecord {
  return {
    ...row,
    postIds: row.postIds === '' ? [] : row.postIds.split(','),
    createdAt: readTimestamp(row.createdAt),
    updatedAt: readTimestamp(row.updatedAt),
    finishedAt: readTimestamp(row.finishedAt),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be an IONFLUX id (a UUID): anything else names nothing, without asking Postgres. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** The bus topic of one publish, within its workspace (a subscriber reads only its own workspace's). */
export function publishTopic(workspaceId: string, jobId: string): string {
  return `workspace:${workspaceId}:tiktok-publish:${jobId}`;
}

/** A publish of `workspaceId` (undefined for another workspace's or an id that is no UUID). */
export async function findPublish(
  sql: Sql,
  workspaceId: string,
  jobId: string,
): Promise<PublishRecord | undefined> {
  if (!isUuid(jobId)) return undefined;
  const [row] = await sql<StoredRecord[]>`
    select ${sql.unsafe(COLUMNS)} from tiktok.publish_jobs where id = ${jobId} and workspace_id = ${workspaceId}`;
  return row && toRecord(row);
}

/** The most publishes one `tiktokPublishes` answers. */
export const MAX_LISTED_PUBLISHES = 100;

/** A connection's publishes, newest first (the caller has checked the connection is the workspace's). */
export async function listPublishes(
  sql: Sql,
  workspaceId: string,
  connectionId: string,
  first: number,
): Promise<PublishRecord[]> {
  const rows = await sql<StoredRecord[]>`
    select ${sql.unsafe(COLUMNS)} from tiktok.publish_jobs
    where workspace_id = ${workspaceId} and connection_id = ${connectionId}
    order by created_at desc, id
    limit ${first}`;
  return rows.map(toRecord);
}

/** A publish by id alone: for the job and webhooks, which act for whichever workspace owns it. */
export async function loadPublish(sql: Sql, jobId: string): Promise<PublishRecord | undefined> {
  const [row] = await sql<StoredRecord[]>`
    select ${sql.unsafe(COLUMNS)} from tiktok.publish_jobs where id = ${jobId}`;
  return row && toRecord(row);
}

/** The publish of a connection's account that TikTok knows as `publishId`, when it is ours. */
export async function findPublishByTikTokId(
  sql: Sql,
  openId: string,
  publishId: string,
): Promise<PublishRecord | undefined> {
  const [row] = await sql<StoredRecord[]>`
    select ${sql.unsafe(COLUMNS)} from tiktok.publish_jobs
    where id = (
      select p.id from tiktok.publish_jobs p
      join kit.integration_connections c on c.id = p.connection_id
      where p.publish_id = ${publishId} and c.account_id = ${openId}
      limit 1)`;
  return row && toRecord(row);
}

export interface UpdateOptions {
  /** Apply only while the publish is in one of these states (compare-and-set against racing writers). */
  from: readonly PublishState[];
  /**
   * Whether subscribers see this change (version + 1 and an event); polls that change nothing a
   * client sees do not wake them. @default true
   */
  visible?: boolean;
}

/**
 * Applies `change` to a publish if it is still in one of `options.from`, and (when visible) raises its
 * version and publishes `{jobId, version}` on its topic in the same transaction, so a subscriber never
 * misses a committed change. Resolves the updated record, or undefined when the state had moved on.
 */
export async function updatePublish(
  handles: { sql: Sql; bus: EventBus },
  record: Pick<PublishRecord, 'id' | 'workspaceId'>,
  change: PublishChange,
  options: UpdateOptions,
): Promise<PublishRecord | undefined> {
  const visible = options.visible ?? true;
  const sets: string[] = [];
  const values: (string | number | string[] | null)[] = [];
  const param = (value: string | number | string[] | null) => `$${values.push(value)}`;
  for (const [field, value] of Object.entries(change) as [keyof PublishChange, unknown][]) {
    if (value === undefined) continue;
    const column = COLUMN_OF[field];
    if (field === 'postIds') sets.push(`${column} = ${param(value as string[])}::text[]`);
    else sets.push(`${column} = ${param(value as string | number | null)}`);
  }
  if (visible) sets.push('version = version + 1', 'updated_at = now()');
  if (change.status && isFinal(change.status)) sets.push('finished_at = now()');
  const statuses = param([...options.from]);
  const id = param(record.id);
  return handles.sql.begin(async (tx) => {
    const [row] = await tx.unsafe<StoredRecord[]>(
      `update tiktok.publish_jobs set ${sets.join(', ')}
       where id = ${id} and status = any(${statuses}::text[]) returning ${COLUMNS}`,
      values,
    );
    if (!row) return undefined;
    if (visible) {
      await handles.bus.publish(
        publishTopic(record.workspaceId, record.id),
        { jobId: record.id, version: row.version },
        { tx },
      );
    }
    return toRecord(row);
  });
}
