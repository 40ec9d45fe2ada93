import { z } from 'zod';

/** `TIKTOK_UPLOAD_MAX_BYTES` default: 256 MiB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

/** TikTok's own ceiling for a video: 4 GiB. */
export const TIKTOK_MAX_VIDEO_BYTES = 4 * 1024 * 1024 * 1024;

/** Bytes per stored part (`tiktok.upload_parts`). @default 1048576 (1 MiB) */
export const UPLOAD_PART_BYTES = 1024 * 1024;

/** The content types TikTok accepts for a video (MP4, MOV, WebM). */
export const VIDEO_CONTENT_TYPES: readonly string[] = ['video/mp4', 'video/quicktime', 'video/webm'];

/** `TIKTOK_UPLOAD_MAX_BYTES`: a positive byte count, at most TikTok's 4 GiB. */
export function uploadMaxBytesVar() {
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().positive().max(TIKTOK_MAX_VIDEO_BYTES).default(DEFAULT_UPLOAD_MAX_BYTES),
  );
}
