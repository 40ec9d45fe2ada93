import type { BreakerScope } from './host-breakers.ts';

/** One call to a provider. */
export interface ProviderRequest {
  method: string;
  /** Absolute URL; secret query parameters are redacted from logs but still sent. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Cancels the call: the attempt in flight is aborted and no retry follows. */
  signal?: AbortSignal;
  /**
   * Whether sending the request twice is harmless, which allows retries after server errors, timeouts and
   * resets. Rate-limit refusals and refused connections are retried either way (nothing was done).
   * @default true for GET, HEAD, OPTIONS, PUT and DELETE; false otherwise
   */
  idempotent?: boolean;
  /**
   * Breakers by credential and caller instead of the host's one (tenants calling with different keys):
   * see {@link BreakerScope}. @default the host's breaker, which counts timeouts too
   */
  breaker?: BreakerScope;
}

/** The provider's answer, read in full. */
export interface ProviderResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON when the body is JSON, else its text; `undefined` when empty. */
  body: unknown;
  /** The body as received, for callers that keep the raw provider error. */
  text: string;
  /** How many attempts it took (1 when the first one answered). */
  attempts: number;
}
