import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

/** A top-level object of a bulk result with the objects of its nested connection. */
export interface BulkRecord {
  node: Record<string, unknown>;
  children: Record<string, unknown>[];
}

/** Bulk result files are large; a line longer than this is not one Shopify writes. */
const MAX_LINE = 4 * 1024 * 1024;

/**
 * Streams a bulk operation's JSONL result in batches of whole records: each top-level line followed by
 * the lines whose `__parentId` names it (Shopify writes children after their parent). `skipLines`
 * resumes after the lines an earlier attempt applied. `onBatch` gets the batch and the number of lines
 * consumed through its last record; a child arriving after its parent was handed over is reported to
 * `onOrphan` (that parent is then re-read on its own).
 */
export async function readBulkResult(
  url: string,
  options: {
    skipLines: number;
    batchSize: number;
    signal?: AbortSignal;
    onBatch(records: BulkRecord[], linesConsumed: number): Promise<void>;
    onOrphan(parentId: string): void;
  },
): Promise<number> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error('the bulk result URL is not http(s)');
  // No credentials: the URL Shopify hands out is itself the (expiring) permission.
  const response = await fetch(url, { ...(options.signal ? { signal: options.signal } : {}) });
  if (!response.ok || !response.body) throw new Error(`the bulk result answered ${response.status}`);
  const lines = createInterface({ input: Readable.fromWeb(response.body as never), crlfDelay: Infinity });
  let lineNumber = 0;
  let consumedThroughLastRecord = options.skipLines;
  let batch: BulkRecord[] = [];
  let current: BulkRecord | undefined;
  for await (const line of lines) {
    lineNumber++;
    if (lineNumber <= options.skipLines || line.trim() === '') continue;
    if (line.length > MAX_LINE)
      throw new Error(`bulk result line ${lineNumber} is over ${MAX_LINE} characters`);
    const object = JSON.parse(line) as Record<string, unknown>;
    const parentId = object['__parentId'];
    if (typeof parentId === 'string') {
      const parent =
        current?.node['id'] === parentId ? current : batch.find((record) => record.node['id'] === parentId);
      if (parent) parent.children.push(object);
      else options.onOrphan(parentId);
      continue;
    }
    if (current) batch.push(current);
    if (batch.length >= options.batchSize) {
      await options.onBatch(batch, lineNumber - 1);
      consumedThroughLastRecord = lineNumber - 1;
      batch = [];
    }
    current = { node: object, children: [] };
  }
  if (current) batch.push(current);
  if (batch.length > 0) {
    await options.onBatch(batch, lineNumber);
    consumedThroughLastRecord = lineNumber;
  }
  return consumedThroughLastRecord;
}
