/** A failure to inject into the next matching TikTok requests. */
export interface TikTokFault {
  /** Only requests whose path starts with this match, e.g. `/v2/video/list/`. @default every path */
  path?: string;
  /** Answer with this status: 429 → `rate_limit_exceeded`, 5xx → `internal_error`, in the v2 envelope. */
  status?: number;
  /** Wait this long before answering. @default 0 */
  latencyMs?: number;
  /** Destroy the connection without answering. @default false */
  drop?: boolean;
  /** How many requests the fault applies to. @default 1 */
  times?: number;
}

/** Faults waiting for requests, consumed in the order they were injected. */
export class TikTokFaultQueue {
  #faults: { fault: TikTokFault; remaining: number }[] = [];

  inject(fault: TikTokFault): void {
    this.#faults.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  take(path: string): TikTokFault | undefined {
    const entry = this.#faults.find(({ fault }) => fault.path === undefined || path.startsWith(fault.path));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#faults = this.#faults.filter((other) => other !== entry);
    return entry.fault;
  }
}
