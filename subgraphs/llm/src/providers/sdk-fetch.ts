import type { BreakerScope, ProviderHttpClient } from '@ionflux/kit/http';
import { BREAKER_CALLER_HEADER, BREAKER_KEY_HEADER } from './breaker-headers.ts';

/**
 * The `fetch` handed to each official SDK (with the SDK's own retries off), so every unary call goes
 * through the kit's provider client: its retries honour `Retry-After`, quota errors are not retried, each
 * attempt has a timeout, and circuit breakers guard each provider, per key (IONFLUX's or each
 * workspace's) and per calling workspace (breaker-headers.ts). Streaming calls cannot be replayed once
 * bytes flow, so they go straight to the network with a timeout on the response headers only.
 */
export function createSdkFetch(client: ProviderHttpClient, options: { timeoutMs: number }): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const headers = new Headers(init?.headers);
    const breaker = takeBreakerScope(headers);
    if (isStreaming(url, body)) return fetchStream(url, { ...init, headers }, options.timeoutMs);
    // The SDKs' retry markers would make a replayed request look new to the provider's dedupe.
    const response = await client.request({
      method: init?.method ?? 'GET',
      url,
      headers: Object.fromEntries(headers.entries()),
      ...(body === undefined ? {} : { body }),
      ...(init?.signal ? { signal: init.signal } : {}),
      // Completions are safe to replay after a 5xx: the providers' own SDKs do so.
      idempotent: true,
      ...(breaker ? { breaker } : {}),
    });
    return new Response(response.status === 204 ? null : response.text, {
      status: response.status,
      headers: response.headers,
    });
  };
}

/** Reads the call's breaker scope and removes its headers, which must never reach the provider. */
function takeBreakerScope(headers: Headers): BreakerScope | undefined {
  const key = headers.get(BREAKER_KEY_HEADER);
  const caller = headers.get(BREAKER_CALLER_HEADER);
  headers.delete(BREAKER_KEY_HEADER);
  headers.delete(BREAKER_CALLER_HEADER);
  if (key === null || caller === null) return undefined;
  // IONFLUX's key is one breaker for every workspace: its state is the provider's gauge series.
  return { key, caller, reportState: key === 'central' };
}

function isStreaming(url: string, body: string | undefined): boolean {
  if (url.includes(':streamGenerateContent')) return true;
  return body !== undefined && /"stream"\s*:\s*true/.test(body);
}

async function fetchStream(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const headersTimeout = new AbortController();
  const timer = setTimeout(
    () => headersTimeout.abort(new Error(`no response headers within ${timeoutMs} ms (timed out)`)),
    timeoutMs,
  );
  const signal = init.signal ? AbortSignal.any([init.signal, headersTimeout.signal]) : headersTimeout.signal;
  try {
    return await fetch(url, { ...init, signal });
  } finally {
    clearTimeout(timer);
  }
}
