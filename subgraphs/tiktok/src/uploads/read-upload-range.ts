import type { Sql } from '@ionflux/kit/db';
import { UPLOAD_PART_BYTES } from './upload-limits.ts';

/**
 * Bytes `[first, last]` of a stored upload, from the parts that hold them. Throws when a part is
 * missing (the file was deleted under the publish).
 */
export async function readUploadRange(
  sql: Sql,
  uploadId: string,
  first: number,
  last: number,
): Promise<Buffer> {
  const fromPart = Math.floor(first / UPLOAD_PART_BYTES);
  const toPart = Math.floor(last / UPLOAD_PART_BYTES);
  const rows = await sql<{ partNo: number; bytes: Buffer }[]>`
    select part_no as "partNo", bytes from tiktok.upload_parts
    where upload_id = ${uploadId} and part_no between ${fromPart} and ${toPart}
    order by part_no`;
  if (rows.length !== toPart - fromPart + 1 || rows.some((row, index) => row.partNo !== fromPart + index)) {
    throw new Error(`upload ${uploadId} lacks parts ${fromPart}-${toPart}`);
  }
  const joined = Buffer.concat(rows.map((row) => row.bytes));
  const offset = first - fromPart * UPLOAD_PART_BYTES;
  return joined.subarray(offset, offset + (last - first + 1));
}

/** Deletes an upload's bytes (TikTok has them, or the publish is over); the row stays until it expires. */
export async function deleteUploadBytes(sql: Sql, uploadId: string): Promise<void> {
  await sql`delete from tiktok.upload_parts where upload_id = ${uploadId}`;
}
