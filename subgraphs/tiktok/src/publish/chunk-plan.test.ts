import { chunkPlanError } from '@ionflux/sandbox/tiktok';
import { describe, expect, it } from 'vitest';
import { chunkRange, planChunks, TIKTOK_CHUNK_RULES } from './chunk-plan.ts';

const MIB = 1024 * 1024;

describe('planChunks (TikTok FILE_UPLOAD rules)', () => {
  it.each([
    [1, 1, 1],
    [5 * MIB - 1, 5 * MIB - 1, 1],
    [5 * MIB, 5 * MIB, 1],
    [10 * MIB + 1, 10 * MIB, 1],
    [30 * MIB + 12_345, 10 * MIB, 3],
    [20 * MIB, 10 * MIB, 2],
    [4 * 1024 * MIB, 10 * MIB, 409],
  ])('%i bytes → chunks of %i, %i of them', (size, chunkSize, count) => {
    expect(planChunks(size)).toEqual({ videoSize: size, chunkSize, totalChunkCount: count });
  });

  it('follows the rules the simulator enforces, and covers every byte once', () => {
    const sizes = [1, 4 * MIB, 5 * MIB, 5 * MIB + 1, 63 * MIB, 64 * MIB + 7, 999 * MIB, 10_000 * MIB + 3];
    for (const size of sizes.filter((s) => s <= TIKTOK_CHUNK_RULES.maxVideoBytes)) {
      const plan = planChunks(size);
      if (!plan) throw new Error(`no plan for ${size}`);
      expect(chunkPlanError(plan)).toBeUndefined();
      let next = 0;
      for (let index = 0; index < plan.totalChunkCount; index += 1) {
        const { first, last } = chunkRange(plan, index);
        expect(first).toBe(next);
        expect(last - first + 1).toBeLessThanOrEqual(TIKTOK_CHUNK_RULES.maxLastChunkBytes);
        next = last + 1;
      }
      expect(next).toBe(size);
    }
  });

  it('has no plan for an empty file or one over 4 GiB', () => {
    expect(planChunks(0)).toBeUndefined();
    expect(planChunks(TIKTOK_CHUNK_RULES.maxVideoBytes + 1)).toBeUndefined();
  });
});
