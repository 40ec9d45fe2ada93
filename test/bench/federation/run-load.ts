import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  responses: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, errors and timeouts: a valid run has none. */
  failures: number;
  /** Average answer size, a check that every response carried the full answer. */
  bytesPerResponse: number;
}

/** POSTs `body` to `url` from `connections` connections for `seconds` (autocannon, in this process). */
export async function runLoad(
  url: string,
  body: string,
  {
    connections,
    seconds,
    headers = {},
  }: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    timeout: 30,
  });
  const responses = result.latency.totalCount;
  return {
    requestsPerSecond: responses / seconds,
    responses,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    bytesPerResponse: responses > 0 ? result.throughput.total / responses : 0,
  };
}
