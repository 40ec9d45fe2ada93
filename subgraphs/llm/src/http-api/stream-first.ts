import type { StreamedChunk } from '../orchestration/index.ts';

export type PeekedStream =
  | { kind: 'refused'; chunk: StreamedChunk }
  | { kind: 'started'; first: StreamedChunk; rest: AsyncGenerator<StreamedChunk> };

/**
 * Reads a completion stream's first chunk, so a request refused before the provider answered (bad input,
 * the quota, an open breaker) is answered as a plain HTTP error with its status, as OpenAI does, rather
 * than as a 200 event stream that carries an error.
 */
export async function peekStream(stream: AsyncGenerator<StreamedChunk>): Promise<PeekedStream | undefined> {
  const first = await stream.next();
  if (first.done) return undefined;
  if (first.value.done && first.value.error) {
    await stream.return(undefined);
    return { kind: 'refused', chunk: first.value };
  }
  return { kind: 'started', first: first.value, rest: stream };
}

/** The stream again, its first chunk included. */
export async function* chunksOf(
  peeked: Extract<PeekedStream, { kind: 'started' }>,
): AsyncGenerator<StreamedChunk> {
  yield peeked.first;
  yield* peeked.rest;
}
