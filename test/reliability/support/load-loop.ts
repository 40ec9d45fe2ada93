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

export interface LoadLoopOptions {
  concurrency: number;
  headers?: Record<string, string>;
  /**
   * `'failures'`: keep only answers with a non-200 status or errors, and count the rest. A soak of
   * minutes at thousands of 87 KB answers a second would otherwise hold every parsed answer and run the
   * test process out of heap (it did, after about 2 minutes).
   * @default 'all'
   */
  keep?: 'all' | 'failures';
}

/**
 * Sends `body` to `url` from `concurrency` loops until `stop()` (each loop sends again when answered),
 * recording every answer (or only the failed ones, see {@link LoadLoopOptions.keep}); network failures
 * are recorded with status 0.
 */
export function startLoadLoop(
  url: string,
  body: string,
  { concurrency, headers = {}, keep = 'all' }: LoadLoopOptions,
) {
  const kept: Outcome[] = [];
  const outcomes = {
    push(outcome: Outcome) {
      answered++;
      if (keep === 'all' || outcome.status !== 200 || outcome.codes.length > 0) kept.push(outcome);
    },
  };
  let answered = 0;
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
    outcomes: kept,
    /** Answers received so far, kept or not. */
    answered: () => answered,
    /** ms since the load started. */
    now: () => performance.now() - started,
    async stop() {
      running = false;
      await Promise.all(loops);
      return kept;
    },
  };
}
