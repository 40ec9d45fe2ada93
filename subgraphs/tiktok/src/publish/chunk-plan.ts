const MIB = 1024 * 1024;

/** TikTok's FILE_UPLOAD rules (reference/tiktok.md "Chunk rules"). */
export const TIKTOK_CHUNK_RULES = {
  minChunkBytes: 5 * MIB,
  maxChunkBytes: 64 * MIB,
  maxLastChunkBytes: 128 * MIB,
  maxChunks: 1000,
  maxVideoBytes: 4 * 1024 * MIB,
} as const;

/** The chunk size used when it keeps the count within TikTok's 1,000. @default 10485760 (10 MiB) */
export const PREFERRED_CHUNK_BYTES = 10 * MIB;

/** How a file goes to TikTok: `video_size`, `chunk_size`, `total_chunk_count` of the init call. */
export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/**
 * The chunking TikTok accepts for a file of `videoSize` bytes: under 5 MiB one chunk of the whole file;
 * up to {@link PREFERRED_CHUNK_BYTES} one chunk too; otherwise chunks of that size (more when that would pass 1,000 chunks, never over
 * 64 MiB), `total_chunk_count` = floor(size / chunk_size), and the last chunk takes the remainder (less
 * than two chunks, so at most 128 MiB). Undefined for an empty file or one over 4 GiB.
 */
export function planChunks(videoSize: number): ChunkPlan | undefined {
  const rules = TIKTOK_CHUNK_RULES;
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0 || videoSize > rules.maxVideoBytes) return undefined;
  // Under 5 MiB TikTok wants one chunk; up to the preferred size one chunk is within the rules too.
  if (videoSize <= PREFERRED_CHUNK_BYTES) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  const chunkSize = Math.min(
    rules.maxChunkBytes,
    Math.max(PREFERRED_CHUNK_BYTES, Math.ceil(videoSize / rules.maxChunks)),
  );
  const totalChunkCount = Math.max(1, Math.floor(videoSize / chunkSize));
  return { videoSize, chunkSize, totalChunkCount };
}

/** Bytes `[first, last]` of chunk `index` (the last chunk runs to the end of the file). */
export function chunkRange(plan: ChunkPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunkSize;
  const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
  return { first, last };
}
