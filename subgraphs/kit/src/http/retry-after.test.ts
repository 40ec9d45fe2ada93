import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after.ts';

const now = Date.parse('2026-11-25T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds as seconds, not milliseconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP-date as the time left until it', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:03 GMT', now)).toBe(3000);
  });

  it('treats a date already past as no wait', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retryAfterFromHeaders', () => {
  it("prefers OpenAI's retry-after-ms over Retry-After", () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '2' }), now)).toBe(
      1500,
    );
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterFromHeaders(new Headers(), now)).toBeUndefined();
  });
});
