const MIB = 1024 * 1024;

/** TikTok's FILE_UPLOAD limits (media transfer guide). */
export const CHUNK_RULES = {
  minChunkBytes: 5 * MIB,
  maxChunkBytes: 64 * MIB,
  maxLastChunkBytes: 128 * MIB,
  maxChunks: 1000,
  maxVideoBytes: 4 * 1024 * MIB,
} as const;

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * Checks `video_size`, `chunk_size` and `total_chunk_count`: a video under 5 MiB goes in one chunk of
 * its own size; otherwise chunks are 5–64 MiB, the count is floor(size / chunk) (at most 1000) and the
 * last chunk takes the remainder, up to 128 MiB. Returns the reason when the plan is invalid.
 */
export function chunkPlanError(plan: {
  videoSize: unknown;
  chunkSize: unknown;
  totalChunkCount: unknown;
}): string | undefined {
  const { videoSize, chunkSize, totalChunkCount } = plan;
  if (!isCount(videoSize) || !isCount(chunkSize) || !isCount(totalChunkCount)) {
    return 'video_size, chunk_size and total_chunk_count must be positive integers.';
  }
  if (videoSize > CHUNK_RULES.maxVideoBytes) return 'video_size exceeds 4 GB.';
  if (videoSize < CHUNK_RULES.minChunkBytes) {
    return chunkSize === videoSize && totalChunkCount === 1
      ? undefined
      : 'A video under 5 MB must be uploaded as one chunk: chunk_size = video_size, total_chunk_count = 1.';
  }
  if (chunkSize < CHUNK_RULES.minChunkBytes || chunkSize > CHUNK_RULES.maxChunkBytes) {
    return 'chunk_size must be between 5 MB and 64 MB.';
  }
  const expected = Math.floor(videoSize / chunkSize);
  if (totalChunkCount !== expected)
    return `total_chunk_count must be floor(video_size / chunk_size) = ${expected}.`;
  if (expected > CHUNK_RULES.maxChunks) return 'total_chunk_count must be at most 1000.';
  if (videoSize - (expected - 1) * chunkSize > CHUNK_RULES.maxLastChunkBytes)
    return 'The last chunk may hold at most 128 MB.';
  return undefined;
}

/** The first and last byte of chunk `index` (the last chunk runs to the end of the video). */
export function chunkBounds(plan: ChunkPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunkSize;
  const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
  return { first, last };
}
