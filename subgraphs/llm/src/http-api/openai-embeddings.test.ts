import { describe, expect, it } from 'vitest';
import { toBase64Vector } from './openai-embeddings.ts';

describe('toBase64Vector', () => {
  it('encodes little-endian float32s, as OpenAI and its SDKs decode them', () => {
    const vector = [0.5, -1.25, 3];
    const bytes = Buffer.from(toBase64Vector(vector), 'base64');
    expect(bytes).toHaveLength(12);
    expect([0, 1, 2].map((index) => bytes.readFloatLE(index * 4))).toEqual(vector);
  });
});
