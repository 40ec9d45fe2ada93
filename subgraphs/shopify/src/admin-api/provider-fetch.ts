import type { ProviderHttpClient } from '@ionflux/kit/http';

/**
 * A `fetch` for graphql-request that sends through the kit provider client, so Admin calls share its
 * retries, circuit breaker, metrics and THROTTLED classification. `idempotent` is true for queries only.
 */
export function providerFetch(client: ProviderHttpClient, idempotent: boolean): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const response = await client.request({
      method: init?.method ?? 'POST',
      url,
      headers,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
      idempotent,
    });
    return new Response(response.text, { status: response.status, headers: response.headers });
  };
}
