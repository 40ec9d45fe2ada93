import { createHash } from 'node:crypto';

/**
 * A deterministic unit vector for a text: SHA-256 in counter mode supplies the components, so equal
 * texts get equal vectors and different texts nearly orthogonal ones. Values are rounded to float32,
 * so the float and base64 encodings of a vector agree exactly.
 */
export function embeddingVector(text: string, dimensions: number): number[] {
  const values = new Float32Array(dimensions);
  let filled = 0;
  for (let block = 0; filled < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let offset = 0; offset + 4 <= digest.length && filled < dimensions; offset += 4) {
      values[filled] = digest.readUInt32LE(offset) / 0xffffffff - 0.5;
      filled += 1;
    }
  }
  let norm = 0;
  for (const value of values) norm += value * value;
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (let i = 0; i < values.length; i += 1) values[i] = (values[i] ?? 0) * scale;
  return Array.from(values);
}

/** The little-endian float32 base64 encoding OpenAI answers with `encoding_format: "base64"`. */
export function embeddingBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
