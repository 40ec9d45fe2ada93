import type { LlmProvider } from './provider.ts';

/** A failure to inject into the next matching requests. */
export interface LlmFault {
  /** Only requests to this provider match. @default every provider */
  provider?: LlmProvider;
  /** Answer with this HTTP status and the provider's own error body for it (429, 500, 503, 529…). */
  status?: number;
  /** Wait this long before answering (alone: a slow but successful request). @default 0 */
  latencyMs?: number;
  /** Destroy the connection without answering. @default false */
  drop?: boolean;
  /** For streaming requests: end the stream after this many content chunks, with no terminal event. */
  truncateStreamAfter?: number;
  /** For streaming requests: after this many content chunks, send the provider's mid-stream error event and end. */
  streamErrorAfter?: number;
  /** The `retry-after` seconds sent with a 429 or 503. @default 1 */
  retryAfterSeconds?: number;
  /** How many requests the fault applies to. @default 1 */
  times?: number;
}

/** Faults waiting for requests, consumed in the order they were injected. */
export class FaultQueue {
  #faults: { fault: LlmFault; remaining: number }[] = [];

  inject(fault: LlmFault): void {
    this.#faults.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  pending(): LlmFault[] {
    return this.#faults.map(({ fault, remaining }) => ({ ...fault, times: remaining }));
  }

  /** Takes one use of the first fault matching this provider, if any. */
  take(provider: LlmProvider): LlmFault | undefined {
    const entry = this.#faults.find(
      ({ fault }) => fault.provider === undefined || fault.provider === provider,
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#faults = this.#faults.filter((other) => other !== entry);
    return entry.fault;
  }
}
