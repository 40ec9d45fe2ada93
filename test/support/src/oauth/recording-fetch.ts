/** One exchange with a provider as it went over the wire. */
export interface RecordedExchange {
  url: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

/**
 * The real fetch, teeing what was sent and received so a test can learn the secrets a provider issued
 * (to look for them in the database and logs). It changes nothing about the exchange.
 */
export function recordingFetch(): { fetch: typeof fetch; exchanges: RecordedExchange[] } {
  const exchanges: RecordedExchange[] = [];
  const recorder: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const responseBody = await response.clone().text();
    exchanges.push({
      url: input instanceof Request ? input.url : String(input),
      requestBody: typeof init?.body === 'string' ? init.body : '',
      status: response.status,
      responseBody,
    });
    return response;
  };
  return { fetch: recorder, exchanges };
}

/** Every secret-looking value in the recorded exchanges: tokens, codes, verifiers, client secrets. */
export function secretsIn(exchanges: readonly RecordedExchange[]): string[] {
  const names = new Set(['access_token', 'refresh_token', 'code', 'code_verifier', 'client_secret', 'token']);
  const found = new Set<string>();
  const collect = (fields: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(fields))
      if (names.has(key) && typeof value === 'string' && value.length >= 8) found.add(value);
  };
  for (const exchange of exchanges) {
    for (const body of [exchange.requestBody, exchange.responseBody]) {
      try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed === 'object' && parsed !== null) collect(parsed as Record<string, unknown>);
      } catch {
        collect(Object.fromEntries(new URLSearchParams(body)));
      }
    }
  }
  return [...found];
}
