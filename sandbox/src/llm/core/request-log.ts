import type { LlmProvider } from './provider.ts';

/** One request the simulator answered, as the control API reports it. */
export interface LlmRequestRecord {
  at: string;
  provider: LlmProvider;
  method: string;
  path: string;
  status: number;
  /** The last four characters of the API key sent, or null when none was. */
  keyLast4: string | null;
  model: string | null;
  stream: boolean;
  /** The parsed JSON body, kept so tests can assert what a client actually sent. */
  body: unknown;
}

/** The most recent requests, oldest first. */
export class RequestLog {
  readonly #records: LlmRequestRecord[] = [];
  readonly #limit: number;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  add(record: LlmRequestRecord): void {
    this.#records.push(record);
    if (this.#records.length > this.#limit) this.#records.shift();
  }

  list(): LlmRequestRecord[] {
    return [...this.#records];
  }

  clear(): void {
    this.#records.length = 0;
  }
}
