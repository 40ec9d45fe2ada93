import { UnstorablePayloadError } from './stored-payload-json.ts';

/**
 * What a failed store means for the sender. A payload refused before storing, or a data exception
 * (SQLSTATE class 22, e.g. a lone surrogate `\ud800` the json type refuses), will fail on every retry:
 * the body is at fault. Anything else (database down, timeout, pool exhausted) may pass later: the
 * sender should retry.
 */
export function classifyStoreFailure(error: unknown): 'invalid_payload' | 'retry_later' {
  if (error instanceof UnstorablePayloadError) return 'invalid_payload';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) ? 'invalid_payload' : 'retry_later';
}
