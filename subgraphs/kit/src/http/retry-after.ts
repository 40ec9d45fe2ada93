/**
 * Reads an HTTP `Retry-After` value (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 *
 * @param value - the header value, or `null` when the header is absent
 * @param now - the current time in epoch milliseconds, to turn a date into a delay
 * @returns the wait in milliseconds (0 for a date already past), or `undefined` when absent or unreadable
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  // A provider's own client once read this header as milliseconds; it is seconds, possibly fractional.
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // An HTTP-date always names its weekday and month; Date.parse alone would read '-5' as a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait a response asks for: `retry-after-ms` (sent by some LLM APIs) first (finer grained), then the
 * standard `Retry-After`.
 */
export function retryAfterFromHeaders(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms.trim()));
  return parseRetryAfter(headers.get('retry-after'), now);
}
