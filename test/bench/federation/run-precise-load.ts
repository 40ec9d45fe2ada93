import { Pool } from 'undici';
import type { LoadResult } from './run-load.ts';

/**
 * Like `runLoad`, with latency to the microsecond (autocannon records whole milliseconds, too coarse for
 * what a gateway adds to a small query): `connections` loops over one keep-alive undici pool, each
 * sending the next request when its answer has been read whole.
 */
export async function runPreciseLoad(
  url: string,
  body: string,
  {
    connections,
    seconds,
    headers = {},
  }: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      try {
        const answer = await pool.request({
          path: pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        const received = await answer.body.arrayBuffer();
        bytes += received.byteLength;
        if (answer.statusCode === 200) latencies.push(performance.now() - sentAt);
        else failures++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? Number.NaN) * 1000) / 1000;
  return {
    requestsPerSecond: latencies.length / elapsed,
    responses: latencies.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    failures,
    bytesPerResponse: latencies.length > 0 ? bytes / latencies.length : 0,
  };
}
