import type { Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../core/api-context.ts';
import { sendError } from '../core/envelope.ts';
import { chunkBounds } from './chunk-rules.ts';

const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];

/**
 * `PUT {upload_url}` with one chunk and `Content-Range: bytes {first}-{last}/{total}`: 206 while
 * chunks are missing, 201 once every byte has arrived. Chunks may come in any order; a repeated chunk
 * is accepted and counted once.
 */
export function videoUpload(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response) => {
    const publish = ctx.publishes.byUpload(String(req.query['upload_id'] ?? ''));
    if (!publish?.plan || req.query['upload_token'] !== publish.uploadToken) {
      return sendError(res, ctx.now(), 'invalid_params', 'upload_id or upload_token is invalid.', 404);
    }
    if (!VIDEO_TYPES.includes((req.get('content-type') ?? '').split(';')[0]?.trim() ?? '')) {
      return sendError(
        res,
        ctx.now(),
        'invalid_file_upload',
        'Content-Type must be video/mp4, video/quicktime or video/webm.',
      );
    }
    const range = (req.get('content-range') ?? '').match(/^bytes (\d+)-(\d+)\/(\d+)$/);
    const [first, last, total] = (range?.slice(1) ?? []).map(Number);
    const plan = publish.plan;
    if (
      first === undefined ||
      last === undefined ||
      total !== plan.videoSize ||
      first % plan.chunkSize !== 0
    ) {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        `Content-Range must be bytes {first}-{last}/${plan.videoSize} on a chunk boundary.`,
      );
    }
    const index = first / plan.chunkSize;
    const expected = chunkBounds(plan, index);
    if (index >= plan.totalChunkCount || last !== expected.last) {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        `Chunk ${index} must cover bytes ${expected.first}-${expected.last}.`,
      );
    }
    const body: unknown = req.body;
    const length = Buffer.isBuffer(body) ? body.length : 0;
    if (length !== last - first + 1) {
      return sendError(
        res,
        ctx.now(),
        'invalid_params',
        `The body holds ${length} bytes but Content-Range announces ${last - first + 1}.`,
      );
    }
    const complete = ctx.publishes.receiveChunk(publish, index, length);
    res.status(complete ? 201 : 206).end();
  };
}
