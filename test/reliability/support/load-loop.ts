export interface Outcome {
  /** ms since the load started, when the answer arrived. */
  at: number;
  /** ms from sending the request to its whole answer. */
  ms: number;
  status: number;
  data: unknown;
  codes: string[];
  messages: string[];
}

/**
 * Sends `body` to `url` from `concurrency` loops until `stop()` (each loop sends again when answered),
 * recording every answer; network failures are recorded with status 0.
 */
export function startLoadLoop(
  url: string,
  body: string,
  { concurrency, headers = {} }: { concurrency: number; headers?: Record<string, string> },
) {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let running = true;
  const loop = async () => {
    while (running) {
      const sent = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        let parsed: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } = {};
        try {
          parsed = JSON.parse(text);
        } catch {}
        outcomes.push({
          at: performance.now() - started,
          ms: performance.now() - sent,
          status: response.status,
          data: parsed.data,
          codes: (parsed.errors ?? []).map((error) => error.extensions?.code ?? 'none'),
          messages: (parsed.errors ?? []).map((error) => error.message),
        });
      } catch (error) {
        outcomes.push({
          at: performance.now() - started,
          ms: performance.now() - sent,
          status: 0,
          data: undefined,
          codes: ['NETWORK'],
          messages: [String(error)],
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    outcomes,
    /** ms since the load started. */
    now: () => performance.now() - started,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
