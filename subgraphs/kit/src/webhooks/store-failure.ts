/**
 * What a failed store means for the sender. A data exception (SQLSTATE class 22, e.g. a `\u0000` in
 * the JSON that jsonb refuses) will fail on every retry: the body is at fault. Anything else (database
 * down, timeout, pool exhausted) may pass later: the sender should retry.
 */
export function classifyStoreFailure(error: unknown): 'invalid_payload' | 'retry_later' {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) ? 'invalid_payload' : 'retry_later';
}
