import { createHash, randomUUID } from 'node:crypto';
import type { Sql } from '@ionflux/kit/db';
import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import { IDENTITY_HEADER, type IdentityVerifier } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { Express, Request, Response } from 'express';
import { UPLOAD_PART_BYTES, VIDEO_CONTENT_TYPES } from './upload-limits.ts';

/** The route, at the subgraph and (proxied) at the gateway. */
export const UPLOAD_PATH = '/uploads/tiktok';

/** Uploads stored at once by one process; more wait for a 429 (each holds a database connection). @default 4 */
export const MAX_CONCURRENT_UPLOADS = 4;

export interface UploadRouteOptions {
  sql: Sql;
  logger: Logger;
  /** Verifies the gateway-signed caller (audience `tiktok`), as for GraphQL. */
  identityVerifier: IdentityVerifier;
  /** `TIKTOK_UPLOAD_MAX_BYTES`. */
  maxBytes: number;
  /** `TIKTOK_UPLOAD_TTL_HOURS`. */
  ttlHours: number;
}

/** A refusal found while the body streams in (it rolls the transaction back). */
class UploadRefused extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, status: number = httpStatusOf(code)) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

function refuse(res: Response, code: ErrorCode, message: string, status = httpStatusOf(code)): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.setHeader('cache-control', 'no-store');
  // Whatever is left of the body is not read: the connection closes after the answer.
  res.setHeader('connection', 'close');
  res.status(status).json({ error: { code, message } });
}

/**
 * `POST /uploads/tiktok` (reached through the gateway, which checked the caller's JWT and signs the
 * identity): the raw body is a video file (`Content-Type` video/mp4, video/quicktime or video/webm, a
 * `Content-Length` of at most `maxBytes`). It is stored in 1 MiB parts inside one transaction as it
 * streams in, so a body that breaks off, turns out longer than declared or passes the limit leaves
 * nothing behind. Answers 201 `{uploadId, sizeBytes, contentType, sha256, expiresAt}`; the id is usable
 * only by the same workspace, once, until it expires.
 */
export function mountUploadRoute(app: Express, options: UploadRouteOptions): void {
  let active = 0;
  app.post(UPLOAD_PATH, (req: Request, res: Response) => {
    const verification = options.identityVerifier.verify(req.get(IDENTITY_HEADER));
    if (!verification.ok) {
      refuse(res, 'UNAUTHENTICATED', 'Only the IONFLUX gateway may upload here.');
      return;
    }
    const contentType = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!VIDEO_CONTENT_TYPES.includes(contentType)) {
      refuse(res, 'INVALID_REQUEST', `Content-Type must be one of ${VIDEO_CONTENT_TYPES.join(', ')}.`, 415);
      return;
    }
    const declared = Number(req.get('content-length'));
    if (req.get('content-length') === undefined || !Number.isSafeInteger(declared)) {
      refuse(res, 'INVALID_REQUEST', 'Send the file with a Content-Length.', 411);
      return;
    }
    if (declared > options.maxBytes) {
      refuse(res, 'INVALID_REQUEST', `The file is larger than ${options.maxBytes} bytes.`, 413);
      return;
    }
    if (declared === 0) {
      refuse(res, 'INVALID_REQUEST', 'The file is empty.');
      return;
    }
    if (active >= MAX_CONCURRENT_UPLOADS) {
      res.setHeader('retry-after', '5');
      refuse(res, 'RATE_LIMITED', 'Too many uploads at once: retry in a few seconds.', 429);
      return;
    }
    active += 1;
    const { workspaceId, userId } = verification.identity;
    store(req, { ...options, workspaceId, userId, contentType, declared })
      .then((stored) => {
        res.status(201).setHeader('cache-control', 'no-store').json(stored);
      })
      .catch((error: unknown) => {
        if (error instanceof UploadRefused) {
          refuse(res, error.code, error.message, error.status);
          return;
        }
        options.logger.warn({ err: error }, 'tiktok upload not stored');
        refuse(res, 'INVALID_REQUEST', 'The upload broke off before the whole file arrived: send it again.');
      })
      .finally(() => {
        active -= 1;
      });
  });
}

async function store(
  req: Request,
  input: UploadRouteOptions & { workspaceId: string; userId: string; contentType: string; declared: number },
) {
  const id = randomUUID();
  const hash = createHash('sha256');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  let size = 0;
  await input.sql.begin(async (tx) => {
    await tx`
      insert into tiktok.uploads (id, workspace_id, user_id, content_type, size_bytes, sha256, expires_at)
      values (${id}, ${input.workspaceId}, ${input.userId}, ${input.contentType}, ${input.declared}, '',
        ${expiresAt.toISOString()}::timestamptz)`;
    let part = 0;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    const flush = async (bytes: Buffer) => {
      await tx`insert into tiktok.upload_parts (upload_id, part_no, bytes) values (${id}, ${part}, ${bytes})`;
      part += 1;
    };
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > input.declared || size > input.maxBytes) {
        throw new UploadRefused('INVALID_REQUEST', `The file is larger than ${input.maxBytes} bytes.`, 413);
      }
      hash.update(chunk);
      buffered.push(chunk);
      bufferedBytes += chunk.length;
      while (bufferedBytes >= UPLOAD_PART_BYTES) {
        const joined = Buffer.concat(buffered, bufferedBytes);
        await flush(joined.subarray(0, UPLOAD_PART_BYTES));
        buffered = [joined.subarray(UPLOAD_PART_BYTES)];
        bufferedBytes = joined.length - UPLOAD_PART_BYTES;
      }
    }
    if (bufferedBytes > 0) await flush(Buffer.concat(buffered, bufferedBytes));
    if (size !== input.declared || !req.complete) {
      throw new Error(`the body held ${size} of ${input.declared} bytes`);
    }
    await tx`update tiktok.uploads set sha256 = ${hash.digest('hex')} where id = ${id}`;
  });
  const [row] = await input.sql<{ sha256: string }[]>`select sha256 from tiktok.uploads where id = ${id}`;
  return {
    uploadId: id,
    sizeBytes: size,
    contentType: input.contentType,
    sha256: row?.sha256 ?? '',
    expiresAt: expiresAt.toISOString(),
  };
}
