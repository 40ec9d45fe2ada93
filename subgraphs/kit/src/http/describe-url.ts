/** Query parameters that carry credentials; their values never reach a log line. */
const secretParams = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'key',
  'api_key',
  'apikey',
  'client_secret',
  'code',
  'code_verifier',
  'password',
  'signature',
  'sig',
  'hmac',
]);

export interface UrlDescription {
  host: string;
  /** The path and query string, with secret query values replaced by `[redacted]`. */
  path: string;
}

/**
 * The host and a log-safe path of a request URL. API keys in `?key=` (a legacy LLM API style), OAuth `access_token` and
 * `client_secret` query parameters are blanked because URLs end up in logs and traces.
 */
export function describeUrl(url: URL): UrlDescription {
  const params = [...url.searchParams].map(([name, value]) =>
    secretParams.has(name.toLowerCase()) ? `${name}=[redacted]` : `${name}=${encodeURIComponent(value)}`,
  );
  return { host: url.host, path: params.length === 0 ? url.pathname : `${url.pathname}?${params.join('&')}` };
}
