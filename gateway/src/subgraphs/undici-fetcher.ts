import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { headersFromRaw } from '@ionflux/kit/http';
import { Agent, type Dispatcher } from 'undici';

/** The `fetcher` a `RemoteGraphQLDataSource` calls (@apollo/utils.fetcher's shape). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** A `Fetcher` over one keep-alive undici `Agent`, which `close()` shuts. */
export interface UndiciFetcher extends Fetcher {
  /** Closes the agent's connections once in-flight requests finish; later calls reject. */
  close(): Promise<void>;
}

/**
 * A `Fetcher` built on undici's low-level `request` through a keep-alive `Agent` of its own (connections
 * pooled per origin, unlimited, as Node's fetch does), without fetch's Request, Response and web
 * streams. It sends the method, headers and body as given, reads the whole body before resolving (so the
 * connection goes back to the pool at once), never follows a redirect, honours `init.signal` (rejecting
 * with its reason) and rejects like fetch, with `TypeError('fetch failed')` carrying undici's error as
 * `cause`, when the request cannot be sent or the connection fails.
 */
export function createUndiciFetcher(options: Agent.Options = {}): UndiciFetcher {
  const agent = new Agent(options);
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      // Data sources call a handful of fixed URLs; bound the cache should a caller vary them.
      if (targets.size >= 100) targets.clear();
      targets.set(url, target);
    }
    return target;
  };

  const fetcher = async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    const signal = init.signal as AbortSignal | undefined;
    try {
      const { origin, path } = targetOf(url);
      const answer = await agent.request({
        origin,
        path,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: init.headers ?? null,
        body: init.body ?? null,
        signal: signal ?? null,
      });
      const bytes = await answer.body.bytes();
      return new UndiciResponse(url, answer.statusCode, headersFromRaw(answer.headers), bytes);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
  return Object.assign(fetcher, { close: () => agent.close() }) as UndiciFetcher;
}

const utf8 = new TextDecoder();

/** A fetch-like response over a body already read whole. */
class UndiciResponse implements FetcherResponse {
  readonly url: string;
  readonly redirected = false;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: FetcherHeaders;
  readonly #bytes: Uint8Array;
  #used = false;

  constructor(url: string, status: number, headers: FetcherHeaders, bytes: Uint8Array) {
    this.url = url;
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = headers;
    this.#bytes = bytes;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async text(): Promise<string> {
    return utf8.decode(this.#consume());
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.#consume()));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new UndiciResponse(this.url, this.status, this.headers, this.#bytes);
  }

  #consume(): Uint8Array {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }
}
