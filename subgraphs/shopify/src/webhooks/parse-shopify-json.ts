import { INVALID_JSON_MESSAGE, type WebhookBody, type WebhookVerification } from '@ionflux/kit/webhooks';

/**
 * Parses a delivery's body like `JSON.parse`, except that an integer beyond 2^53 (a REST id can be up to
 * 64 bits) is kept as its exact digits in a string instead of being rounded: the reviver sees each
 * number's source text. A body that is not a JSON object (or array) is refused with INVALID_REQUEST.
 * The body's text comes back (`payloadText`) only when a plain `JSON.parse` read it (the payload is then
 * exactly what the text says).
 */
export function parseShopifyJson(rawBody: Buffer): ReadBody {
  const text = rawBody.toString('utf8');
  return parseText(text, LONG_DIGITS.test(text));
}

/**
 * What the webhook source reads of a delivery's body at ingest. A body is parsed only when the check
 * needs it: when it may name a shop (the `myshopify_domain` or `shop_domain` of the shop resource and
 * the privacy topics, compared with the unsigned shop header), when it holds an integer beyond 2^53
 * (stored as {@link parseShopifyJson} reads it), or when it does not open like an object or array (to
 * say why it is refused). Any other body — every order and product delivery Shopify sends — is stored
 * as sent, its text only: PostgreSQL's json input checks its syntax as it stores it (a body it refuses
 * is answered 400 and stores nothing), and the worker parses it when it applies it. Parsing a 10 KB
 * order here took about a fifth of the subgraph's CPU under a burst, and its object graph, alive until
 * the commit, was among the largest allocations the garbage collector promoted.
 */
export function readShopifyBody(rawBody: Buffer): ReadBody {
  const text = rawBody.toString('utf8');
  // Shopify writes keys plainly, never with escapes; and a body is only read after its signature.
  const mayNameShop = NAMES_SHOP.test(text);
  const longDigits = LONG_DIGITS.test(text);
  if (mayNameShop || longDigits || !OPENS_OBJECT_OR_ARRAY.test(text)) return parseText(text, longDigits);
  return { ok: true, body: { payloadText: text } };
}

type ReadBody = { ok: true; body: WebhookBody } | Extract<WebhookVerification, { ok: false }>;

/** `longDigits`: the text has 16 digits in a row, so it may hold an integer beyond 2^53. */
function parseText(text: string, longDigits: boolean): ReadBody {
  let payload: unknown;
  // The reviver costs about 5× a plain parse: only a body with 16 digits in a row needs it.
  const plain = !longDigits;
  try {
    payload = plain
      ? JSON.parse(text)
      : JSON.parse(text, keepLargeIntegers as (key: string, value: unknown) => unknown);
  } catch {
    return { ok: false, reason: INVALID_JSON_MESSAGE, code: 'INVALID_REQUEST' };
  }
  if (typeof payload !== 'object' || payload === null)
    return { ok: false, reason: 'the body is not a JSON object', code: 'INVALID_REQUEST' };
  return { ok: true, body: plain ? { payload, payloadText: text } : { payload } };
}

/** 16 digits in a row; tried only where a run of digits starts (a third of the time of `/\d{16}/`). */
const LONG_DIGITS = /(?<!\d)\d{16}/;

const NAMES_SHOP = /"(?:myshopify|shop)_domain"/;

/** JSON's insignificant whitespace, then `{` or `[`: a valid body opening so is an object or array. */
const OPENS_OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

function keepLargeIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (
    typeof value === 'number' &&
    !Number.isSafeInteger(value) &&
    context?.source &&
    /^-?\d+$/.test(context.source)
  ) {
    return context.source;
  }
  return value;
}
