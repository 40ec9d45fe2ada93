import { randomUUID } from 'node:crypto';
import { IntegrationError } from '@ionflux/kit/errors';
import { callTikTok, checkTikTokScopes } from '../api/call-tiktok.ts';
import { tiktokConnectionOf } from '../api/tiktok-reads.ts';
import type { TikTokContext } from '../context.ts';
import type { PublishTikTokVideoInput, TikTokPublish } from '../generated/resolvers-types.ts';
import { planChunks } from './chunk-plan.ts';
import { PUBLISH_TASK, publishJobKey } from './publish-job-task.ts';
import { loadPublish } from './publish-store.ts';
import { checkPullUrl } from './pull-origins.ts';
import { toTikTokPublish } from './to-tiktok-publish.ts';

/** TikTok's caption limit for a video post (post_info.title, UTF-16 code units). @default 2200 */
export const MAX_CAPTION_LENGTH = 2200;

/** The scope a direct post needs (Content Posting API). */
export const PUBLISH_SCOPES = ['video.publish'] as const;

interface CreatorInfo {
  privacy_level_options?: unknown;
}

/** TikTok's one caption of a video post: the title, then the description after a blank line. */
export function captionOf(title: string, description: string | null | undefined): string {
  return description ? `${title}\n\n${description}` : title;
}

function invalid(message: string, details?: Record<string, unknown>): IntegrationError {
  return new IntegrationError('INVALID_REQUEST', message, details ? { details } : {});
}

/** Checks the input's shape before anything is looked up; resolves the caption. */
function checkInput(input: PublishTikTokVideoInput): string {
  const hasUrl = input.videoUrl !== null && input.videoUrl !== undefined;
  const hasUpload = input.uploadId !== null && input.uploadId !== undefined;
  if (hasUrl === hasUpload) throw invalid('Give exactly one of videoUrl and uploadId.');
  if (input.title.trim() === '') throw invalid('title must not be empty.');
  const caption = captionOf(input.title, input.description);
  // Postgres text cannot hold NUL; TikTok would not show it either.
  if (caption.includes('\u0000')) throw invalid('title and description must not contain NUL characters.');
  if (caption.length > MAX_CAPTION_LENGTH) {
    throw invalid(
      `title and description together may hold ${MAX_CAPTION_LENGTH} characters (TikTok's caption limit).`,
    );
  }
  const cover = input.videoCoverTimestampMs;
  if (cover !== null && cover !== undefined && cover < 0) {
    throw invalid('videoCoverTimestampMs must be zero or more.');
  }
  return caption;
}

interface UploadRow {
  id: string;
  sizeBytes: number;
  publishJobId: string | null;
  live: boolean;
}

/**
 * `publishTikTokVideo`: checks, in order, the input, the connection (this workspace's), its scopes
 * (SCOPE_REQUIRED with a grant URL), the source (a URL on an allowed origin, or an unused upload of this
 * workspace), then asks TikTok's creator_info and refuses a privacy level it does not offer. Only then
 * is the publish stored and its job enqueued, in one transaction; the job posts it (never this request).
 */
export async function publishTikTokVideo(
  context: TikTokContext,
  input: PublishTikTokVideoInput,
): Promise<TikTokPublish> {
  checkInput(input);
  const { record, deps } = await tiktokConnectionOf(context, input.connectionId);
  await checkTikTokScopes(deps, record, PUBLISH_SCOPES);
  const { sql, queue } = context;
  if (!queue) throw new IntegrationError('INTERNAL', 'TikTok publishing has no job queue in this process.');
  const workspaceId = context.identity.workspaceId;

  let videoUrl: string | null = null;
  let upload: UploadRow | undefined;
  if (input.videoUrl !== null && input.videoUrl !== undefined) {
    const verdict = checkPullUrl(input.videoUrl, context.publishing.pullOrigins);
    if (!verdict.ok) throw invalid(verdict.reason);
    videoUrl = verdict.url;
  } else {
    const uploadId = input.uploadId ?? '';
    upload = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uploadId)
      ? (
          await sql<UploadRow[]>`
            select id, size_bytes::float8 as "sizeBytes", publish_job_id as "publishJobId",
              expires_at > now() as live
            from tiktok.uploads where id = ${uploadId} and workspace_id = ${workspaceId}`
        )[0]
      : undefined;
    if (!upload?.live) {
      throw new IntegrationError(
        'NOT_FOUND',
        'That upload does not exist in this workspace or has expired: upload the file again.',
      );
    }
    if (upload.publishJobId !== null) {
      throw invalid('That upload was already published: upload the file again to post it again.', {
        jobId: upload.publishJobId,
      });
    }
  }

  const creator = await callTikTok<CreatorInfo>(deps, record, {
    method: 'POST',
    path: '/v2/post/publish/creator_info/query/',
    scopes: PUBLISH_SCOPES,
  });
  const allowed = Array.isArray(creator.privacy_level_options)
    ? creator.privacy_level_options.filter((level): level is string => typeof level === 'string')
    : [];
  if (!allowed.includes(input.privacyLevel)) {
    throw invalid(
      `TikTok does not allow privacy level ${input.privacyLevel} for this account now; it allows: ${
        allowed.join(', ') || 'none'
      }.`,
      { allowedPrivacyLevels: allowed },
    );
  }

  const plan = upload ? planChunks(upload.sizeBytes) : undefined;
  if (upload && !plan) throw invalid('The uploaded file is larger than TikTok accepts (4 GiB).');
  const jobId = randomUUID();
  await sql.begin(async (tx) => {
    await tx`
      insert into tiktok.publish_jobs (id, workspace_id, connection_id, requested_by, source, video_url,
        upload_id, title, description, privacy_level, disable_comment, disable_duet, disable_stitch,
        video_cover_timestamp_ms, status, video_size, chunk_size, chunk_count)
      values (${jobId}, ${workspaceId}, ${record.connection.id}, ${context.identity.userId},
        ${upload ? 'FILE_UPLOAD' : 'PULL_FROM_URL'}, ${videoUrl}, ${upload?.id ?? null}, ${input.title},
        ${input.description ?? null}, ${input.privacyLevel}, ${input.disableComment ?? false},
        ${input.disableDuet ?? false}, ${input.disableStitch ?? false}, ${input.videoCoverTimestampMs ?? null},
        'QUEUED', ${plan?.videoSize ?? null}, ${plan?.chunkSize ?? null}, ${plan?.totalChunkCount ?? null})`;
    if (upload) {
      const taken = await tx`
        update tiktok.uploads set publish_job_id = ${jobId}
        where id = ${upload.id} and publish_job_id is null`;
      // Another publish took it since it was read: this one rolls back.
      if (taken.count !== 1) throw invalid('That upload was already published: upload the file again.');
    }
    await queue.enqueue(PUBLISH_TASK, { jobId }, { tx, jobKey: publishJobKey(jobId) });
  });
  context.logger.info({ jobId, connectionId: record.connection.id }, 'tiktok publish queued');
  const stored = await loadPublish(sql, jobId);
  if (!stored) throw new IntegrationError('INTERNAL', 'The publish was stored but cannot be read back.');
  return toTikTokPublish(stored);
}
