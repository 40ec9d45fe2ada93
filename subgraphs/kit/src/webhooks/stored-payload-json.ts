import type { WebhookBody } from './webhook-source.ts';

/**
 * A payload the webhook store refuses, whatever the database says: the sender's body is at fault and
 * will be on every retry (answered 400, as a data exception of the database is).
 */
export class UnstorablePayloadError extends Error {
  override name = 'UnstorablePayloadError';
}

/**
 * `\u0000` or `\ud800`–`\udfff`, not itself escaped (an even run of backslashes before it). On text from
 * `JSON.stringify` a surrogate escape is always half a pair: it writes whole pairs as the characters.
 */
const UNREADABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * Throws {@link UnstorablePayloadError} when JSON text (from `JSON.stringify`) holds a NUL character or
 * half a surrogate pair. The payload column is `json`, which would keep them, but PostgreSQL's JSON
 * operators cannot read a document holding one: a single stored delivery would break every `->>` over
 * its provider's deliveries (the redaction of a privacy request). `jsonb` refused both outright; this
 * keeps that contract. The plain search first: about a microsecond on a 10 KB body.
 */
function refuseUnreadableCharacters(json: string): void {
  if (json.includes('\\u') && UNREADABLE_ESCAPE.test(json)) {
    throw new UnstorablePayloadError(
      'The delivery’s payload holds a NUL character (\\u0000) or half a surrogate pair (such as \\ud800), which cannot be stored.',
    );
  }
}

/**
 * The JSON text stored for a delivery: its body as sent when the source gave it (`payloadText`) and it
 * holds neither a NUL nor a surrogate escape, else the payload serialised — parsed from the text when
 * the source gave only the text, refused with {@link UnstorablePayloadError} when that text is not JSON —
 * where a surrogate escape can only be half a pair, and refused if it holds a NUL or such a half. (A
 * body may write a whole pair as two escapes, which the check cannot tell from halves.)
 */
export function storedPayloadJson(delivery: WebhookBody): string {
  const text = delivery.payloadText;
  if (text !== undefined && !(text.includes('\\u') && UNREADABLE_ESCAPE.test(text))) return text;
  const json = JSON.stringify(delivery.payload === undefined ? parsedText(text) : delivery.payload);
  refuseUnreadableCharacters(json);
  return json;
}

function parsedText(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    throw new UnstorablePayloadError(INVALID_JSON_MESSAGE);
  }
}

/** Said to a sender whose authentic body is not JSON (here, or when the database's json input refuses it). */
export const INVALID_JSON_MESSAGE = 'The delivery’s body is not valid JSON.';
