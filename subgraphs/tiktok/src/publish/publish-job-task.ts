import type { Database, Sql } from '@ionflux/kit/db';
import { IntegrationError, isIntegrationError } from '@ionflux/kit/errors';
import type { EventBus } from '@ionflux/kit/events';
import type { JobQueue, TaskDefinition, TaskHelpers } from '@ionflux/kit/jobs';
import { z } from 'zod';
import { callTikTok, type TikTokApiDeps } from '../api/call-tiktok.ts';
import type { TikTokPacer } from '../api/tiktok-pacer.ts';
import { listTikTokConnections, type TikTokConnectionRecord } from '../connections/index.ts';
import type { TikTokOAuth } from '../oauth/index.ts';
import { deleteUploadBytes, readUploadRange } from '../uploads/read-upload-range.ts';
import { type ChunkPlan, chunkRange } from './chunk-plan.ts';
import { errorFailure, type PublishFailure, tiktokFailure } from './publish-failure.ts';
import {
  isFinal,
  loadPublish,
  type PublishChange,
  type PublishRecord,
  type PublishState,
  updatePublish,
} from './publish-store.ts';

/** The job task that drives a publish: init, chunked upload, status polling. */
export const PUBLISH_TASK = 'tiktok.publish.run';

/** One pending run per publish: a rescheduled poll replaces any pending one. */
export const publishJobKey = (jobId: string): string => `tiktok-publish:${jobId}`;

/** How the job paces itself; tests shorten these. */
export interface PublishTimings {
  /** Wait before the first status poll, doubled-ish (×1.5) per poll. @default 1000 */
  firstPollMs: number;
  /** Longest wait between polls. @default 30000 */
  maxPollMs: number;
  /** A publish TikTok has not settled this long after it was asked is FAILED (PROVIDER_UNAVAILABLE). @default 7200000 (2 h) */
  deadlineMs: number;
  /** Tries of one chunk PUT (network errors and 5xx) before the upload fails. @default 3 */
  chunkAttempts: number;
  /** Tries of the init call answered RATE_LIMITED or 5xx (nothing was created) before FAILED. @default 5 */
  initAttempts: number;
}

export const DEFAULT_PUBLISH_TIMINGS: PublishTimings = {
  firstPollMs: 1000,
  maxPollMs: 30_000,
  deadlineMs: 2 * 3600_000,
  chunkAttempts: 3,
  initAttempts: 5,
};

export interface PublishJobDeps {
  sql: Sql;
  db: Database;
  bus: EventBus;
  queue: JobQueue;
  oauth: TikTokOAuth;
  apiOrigin: string;
  /** The process's TikTok pacer (shared with the reads). */
  pacer: TikTokPacer;
  timings?: Partial<PublishTimings>;
}

interface InitData {
  publish_id?: unknown;
  upload_url?: unknown;
}

interface StatusData {
  status?: unknown;
  fail_reason?: unknown;
  publicaly_available_post_id?: unknown;
  uploaded_bytes?: unknown;
}

/** How long a single chunk PUT may take. @default 300000 (5 min: 64-128 MiB on a slow link) */
const CHUNK_TIMEOUT_MS = 300_000;

/**
 * The durable publish job (kit job queue). Each run looks at the stored state and does the next step:
 * QUEUED → init (`/v2/post/publish/video/init/`), then for FILE_UPLOAD the chunks to `upload_url`, then
 * PROCESSING → `status/fetch` polls, rescheduled with backoff (each poll is a queued job, so a restart
 * loses nothing) until PUBLISH_COMPLETE or FAILED. Webhooks (`post.publish.*`) may settle it first; every
 * write is a compare-and-set on the state, so the job and webhooks never overwrite each other. Content
 * TikTok refuses is FAILED and never posted again; a run that died during init or upload is FAILED
 * rather than repeated, since TikTok may already have the post (and the upload URL was never stored).
 * The init and status calls (`callTikTok`) and each chunk's upload count for the connection's health.
 */
export function publishJobTask(deps: PublishJobDeps): TaskDefinition<{ jobId: string }> {
  const timings = { ...DEFAULT_PUBLISH_TIMINGS, ...deps.timings };
  const handles = { sql: deps.sql, bus: deps.bus };
  const change = (
    record: PublishRecord,
    update: PublishChange,
    from: readonly PublishState[],
    visible = true,
  ) => updatePublish(handles, record, update, { from, visible });
  const fail = async (record: PublishRecord, failure: PublishFailure, from: readonly PublishState[]) => {
    const failed = await change(record, { status: 'FAILED', ...failure }, from);
    if (record.uploadId) await deleteUploadBytes(deps.sql, record.uploadId);
    return failed;
  };
  const schedule = (jobId: string, delayMs: number) =>
    deps.queue.enqueue(
      PUBLISH_TASK,
      { jobId },
      { jobKey: publishJobKey(jobId), runAt: new Date(Date.now() + delayMs) },
    );

  async function connectionOf(record: PublishRecord): Promise<TikTokConnectionRecord | undefined> {
    const [connection] = await listTikTokConnections(deps.db, record.workspaceId, {
      connectionId: record.connectionId,
    });
    return connection;
  }

  async function start(record: PublishRecord, helpers: TaskHelpers): Promise<void> {
    const connection = await connectionOf(record);
    if (!connection) {
      await fail(
        record,
        {
          errorCode: 'INTEGRATION_NOT_CONNECTED',
          errorMessage: 'The TikTok connection is gone: connect the account again and publish again.',
          failReason: null,
          logId: null,
        },
        ['QUEUED'],
      );
      return;
    }
    const initiating = await change(record, { status: 'INITIATING' }, ['QUEUED']);
    if (!initiating) return;
    const api: TikTokApiDeps = {
      oauth: deps.oauth,
      apiOrigin: deps.apiOrigin,
      userId: record.requestedBy,
      pacer: deps.pacer,
      // No signal: an init cut off at shutdown may have created the post at TikTok; it runs to its answer.
    };
    const plan: ChunkPlan | undefined =
      record.source === 'FILE_UPLOAD' && record.videoSize && record.chunkSize && record.chunkCount
        ? { videoSize: record.videoSize, chunkSize: record.chunkSize, totalChunkCount: record.chunkCount }
        : undefined;
    let init: InitData;
    try {
      init = await callTikTok<InitData>(api, connection, {
        method: 'POST',
        path: '/v2/post/publish/video/init/',
        scopes: ['video.publish'],
        body: {
          post_info: {
            title: record.description ? `${record.title}\n\n${record.description}` : record.title,
            privacy_level: record.privacyLevel,
            disable_comment: record.disableComment,
            disable_duet: record.disableDuet,
            disable_stitch: record.disableStitch,
            ...(record.videoCoverTimestampMs === null
              ? {}
              : { video_cover_timestamp_ms: record.videoCoverTimestampMs }),
          },
          source_info: plan
            ? {
                source: 'FILE_UPLOAD',
                video_size: plan.videoSize,
                chunk_size: plan.chunkSize,
                total_chunk_count: plan.totalChunkCount,
              }
            : { source: 'PULL_FROM_URL', video_url: record.videoUrl },
        },
      });
    } catch (error) {
      // TikTok answered without creating anything (rate limit, 5xx): ask again later, a few times.
      const answered = isIntegrationError(error) && typeof error.details['tiktokCode'] === 'string';
      const transient =
        isIntegrationError(error) &&
        (error.code === 'RATE_LIMITED' || (error.code === 'PROVIDER_UNAVAILABLE' && answered));
      if (transient && record.polls + 1 < timings.initAttempts) {
        const retryAfter = Number(error.details['retryAfterSeconds']);
        await change(initiating, { status: 'QUEUED', polls: record.polls + 1 }, ['INITIATING'], false);
        await schedule(
          record.id,
          Number.isFinite(retryAfter) ? retryAfter * 1000 : timings.firstPollMs * 2 ** record.polls,
        );
        helpers.logger.warn({ jobId: record.id, code: error.code }, 'tiktok publish init deferred');
        return;
      }
      await fail(initiating, errorFailure(error), ['INITIATING']);
      return;
    }
    const publishId = typeof init.publish_id === 'string' ? init.publish_id : undefined;
    if (!publishId) {
      await fail(
        initiating,
        {
          errorCode: 'PROVIDER_API_ERROR',
          errorMessage: 'TikTok answered the post without a publish_id.',
          failReason: null,
          logId: null,
        },
        ['INITIATING'],
      );
      return;
    }
    if (!plan) {
      const processing = await change(initiating, { status: 'PROCESSING', publishId, polls: 0 }, [
        'INITIATING',
      ]);
      if (processing) await schedule(record.id, timings.firstPollMs);
      return;
    }
    const uploading = await change(initiating, { status: 'UPLOADING', publishId, polls: 0 }, ['INITIATING']);
    if (!uploading) return;
    const uploadUrl =
      typeof init.upload_url === 'string' ? trustedUploadUrl(init.upload_url, deps.apiOrigin) : undefined;
    if (!uploadUrl || !record.uploadId) {
      await fail(
        uploading,
        {
          errorCode: 'PROVIDER_API_ERROR',
          errorMessage: 'TikTok answered the post without a usable upload_url.',
          failReason: null,
          logId: null,
        },
        ['UPLOADING'],
      );
      return;
    }
    const contentType = await contentTypeOf(deps.sql, record.uploadId);
    let sent = 0;
    for (let index = 0; index < plan.totalChunkCount; index += 1) {
      const { first, last } = chunkRange(plan, index);
      const bytes = await readUploadRange(deps.sql, record.uploadId, first, last);
      const outcome = await putChunk(
        uploadUrl,
        bytes,
        contentType,
        `bytes ${first}-${last}/${plan.videoSize}`,
        timings.chunkAttempts,
        helpers.signal,
      );
      // Each chunk TikTok took or refused is a call through the connection; an upload we stopped is not.
      if (outcome.ok || !helpers.signal.aborted) {
        deps.oauth.deps.health?.record(
          connection.connection.id,
          outcome.ok ? { ok: true } : { ok: false, code: outcome.code },
        );
      }
      if (!outcome.ok) {
        await fail(
          uploading,
          { errorCode: outcome.code, errorMessage: outcome.message, failReason: null, logId: null },
          ['UPLOADING'],
        );
        return;
      }
      sent += bytes.length;
      await change(uploading, { uploadedBytes: sent }, ['UPLOADING'], false);
    }
    await deleteUploadBytes(deps.sql, record.uploadId);
    const processing = await change(uploading, { status: 'PROCESSING', uploadedBytes: sent }, ['UPLOADING']);
    helpers.logger.info(
      { jobId: record.id, chunks: plan.totalChunkCount, bytes: sent },
      'tiktok upload sent',
    );
    if (processing) await schedule(record.id, timings.firstPollMs);
  }

  async function poll(record: PublishRecord, helpers: TaskHelpers): Promise<void> {
    if (Date.now() - record.createdAt.getTime() > timings.deadlineMs) {
      await fail(
        record,
        {
          errorCode: 'PROVIDER_UNAVAILABLE',
          errorMessage: `TikTok did not finish the post within ${Math.round(timings.deadlineMs / 60_000)} minutes; check the account before posting again.`,
          failReason: record.tiktokStatus,
          logId: null,
        },
        ['PROCESSING'],
      );
      return;
    }
    const connection = await connectionOf(record);
    const api: TikTokApiDeps = {
      oauth: deps.oauth,
      apiOrigin: deps.apiOrigin,
      userId: record.requestedBy,
      pacer: deps.pacer,
      signal: helpers.signal,
    };
    const next = () =>
      schedule(record.id, Math.min(timings.maxPollMs, timings.firstPollMs * 1.5 ** (record.polls + 1)));
    if (!connection) {
      await fail(
        record,
        {
          errorCode: 'INTEGRATION_NOT_CONNECTED',
          errorMessage: 'The TikTok connection is gone; the post’s outcome is unknown.',
          failReason: null,
          logId: null,
        },
        ['PROCESSING'],
      );
      return;
    }
    let status: StatusData;
    try {
      status = await callTikTok<StatusData>(api, connection, {
        method: 'POST',
        path: '/v2/post/publish/status/fetch/',
        body: { publish_id: record.publishId },
        scopes: ['video.publish'],
      });
    } catch (error) {
      if (
        isIntegrationError(error) &&
        (error.code === 'RATE_LIMITED' || error.code === 'PROVIDER_UNAVAILABLE')
      ) {
        await change(record, { polls: record.polls + 1 }, ['PROCESSING'], false);
        await next();
        return;
      }
      await fail(record, errorFailure(error), ['PROCESSING']);
      return;
    }
    const tiktokStatus = typeof status.status === 'string' ? status.status : 'UNKNOWN';
    const postIds = Array.isArray(status.publicaly_available_post_id)
      ? status.publicaly_available_post_id.map((id) => String(id))
      : [];
    const uploadedBytes =
      typeof status.uploaded_bytes === 'number' ? status.uploaded_bytes : record.uploadedBytes;
    if (tiktokStatus === 'FAILED') {
      const reason = typeof status.fail_reason === 'string' ? status.fail_reason : undefined;
      await fail(record, tiktokFailure(reason), ['PROCESSING']);
      return;
    }
    if (tiktokStatus === 'PUBLISH_COMPLETE' || tiktokStatus === 'SEND_TO_USER_INBOX') {
      const merged = [...new Set([...record.postIds, ...postIds])];
      await change(record, { status: 'PUBLISH_COMPLETE', tiktokStatus, postIds: merged, uploadedBytes }, [
        'PROCESSING',
      ]);
      return;
    }
    const visible = tiktokStatus !== record.tiktokStatus;
    const updated = await change(record, { tiktokStatus, polls: record.polls + 1 }, ['PROCESSING'], visible);
    if (updated) await next();
  }

  return {
    name: PUBLISH_TASK,
    payloadSchema: z.object({ jobId: z.uuid() }),
    // Each run reschedules itself; a run that throws (database down) is retried by the queue.
    maxAttempts: 5,
    async handler({ jobId }, helpers) {
      const record = await loadPublish(deps.sql, jobId);
      if (!record || isFinal(record.status)) return;
      switch (record.status) {
        case 'QUEUED':
          await start(record, helpers);
          return;
        case 'INITIATING':
        case 'UPLOADING':
          // A run died here: TikTok may already hold the post, and the upload URL was never stored.
          await fail(
            record,
            {
              errorCode: 'PROVIDER_UNAVAILABLE',
              errorMessage:
                'The publish was interrupted while TikTok was being asked to post it; it is not repeated so the ' +
                'video cannot appear twice. Check the TikTok account, then publish again if it is not there.',
              failReason: null,
              logId: null,
            },
            [record.status],
          );
          return;
        case 'PROCESSING':
          await poll(record, helpers);
          return;
        case 'PUBLISH_COMPLETE':
        case 'FAILED':
          return;
        default: {
          const unreachable: never = record.status;
          throw new IntegrationError('INTERNAL', `unknown publish state ${String(unreachable)}`);
        }
      }
    },
  };
}

/**
 * TikTok's `upload_url`, when it points where TikTok uploads go: an https `*.tiktokapis.com` host, or the
 * configured API origin (the sandbox). Anything else would send the file to a host TikTok's answer chose.
 */
function trustedUploadUrl(value: string, apiOrigin: string): string | undefined {
  try {
    const url = new URL(value);
    const tiktokHost = url.protocol === 'https:' && url.hostname.endsWith('.tiktokapis.com');
    return tiktokHost || url.origin === new URL(apiOrigin).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function contentTypeOf(sql: Sql, uploadId: string): Promise<string> {
  const [row] = await sql<{ contentType: string }[]>`
    select content_type as "contentType" from tiktok.uploads where id = ${uploadId}`;
  return row?.contentType ?? 'video/mp4';
}

type ChunkOutcome =
  | { ok: true }
  | { ok: false; code: 'PROVIDER_API_ERROR' | 'PROVIDER_UNAVAILABLE'; message: string };

/** PUTs one chunk; network errors and 5xx are tried again (TikTok counts a repeated chunk once). */
async function putChunk(
  url: string,
  bytes: Buffer,
  contentType: string,
  contentRange: string,
  attempts: number,
  signal: AbortSignal,
): Promise<ChunkOutcome> {
  let last: ChunkOutcome = {
    ok: false,
    code: 'PROVIDER_UNAVAILABLE',
    message: 'TikTok did not take the upload.',
  };
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const answer = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-range': contentRange },
        // A copy the fetch types accept (a Buffer may sit on a shared buffer): one chunk, at most 128 MiB.
        body: Uint8Array.from(bytes),
        signal: AbortSignal.any([signal, AbortSignal.timeout(CHUNK_TIMEOUT_MS)]),
      });
      await answer.arrayBuffer().catch(() => undefined);
      if (answer.status === 201 || answer.status === 206 || answer.ok) return { ok: true };
      if (answer.status < 500) {
        return {
          ok: false,
          code: 'PROVIDER_API_ERROR',
          message: `TikTok refused a chunk of the upload (HTTP ${answer.status}).`,
        };
      }
      last = {
        ok: false,
        code: 'PROVIDER_UNAVAILABLE',
        message: `TikTok failed to take a chunk (HTTP ${answer.status}).`,
      };
    } catch {
      if (signal.aborted)
        return { ok: false, code: 'PROVIDER_UNAVAILABLE', message: 'The upload was interrupted.' };
      last = { ok: false, code: 'PROVIDER_UNAVAILABLE', message: 'TikTok did not answer during the upload.' };
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
  return last;
}
