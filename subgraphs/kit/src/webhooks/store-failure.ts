import { INVALID_JSON_MESSAGE, UnstorablePayloadError } from './stored-payload-json.ts';

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

/** What a sender is told of a payload {@link classifyStoreFailure} found at fault. */
export function invalidPayloadMessage(error: unknown): string {
  if (error instanceof UnstorablePayloadError) return error.message;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // 22P02 from the json type's input: a body stored as sent (see WebhookBody) was not JSON after all.
  if (code === '22P02' && typeof message === 'string' && message.includes('type json'))
    return INVALID_JSON_MESSAGE;
  return 'The delivery’s payload cannot be stored.';
}
