import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyHmacSha256Base64 } from './verify-hmac-sha256-base64.ts';

describe('verifyHmacSha256Base64', () => {
  const body = Buffer.from('{"id":820982911946154508,"note":"café"}');
  const signature = createHmac('sha256', 'shpss_secret').update(body).digest('base64');

  it('accepts the base64 HMAC-SHA256 of the raw bytes', () => {
    expect(verifyHmacSha256Base64(body, 'shpss_secret', signature)).toBe(true);
  });

  it('refuses a signature made with another secret, over other bytes, or of the wrong length', () => {
    expect(verifyHmacSha256Base64(body, 'other_secret', signature)).toBe(false);
    expect(verifyHmacSha256Base64(Buffer.from(`${body} `), 'shpss_secret', signature)).toBe(false);
    expect(verifyHmacSha256Base64(body, 'shpss_secret', signature.slice(0, 20))).toBe(false);
    expect(
      verifyHmacSha256Base64(
        body,
        'shpss_secret',
        createHmac('sha256', 'shpss_secret').update(body).digest('hex'),
      ),
    ).toBe(false);
  });

  it('refuses a valid signature with anything after it (a duplicated header, as Node joins it)', () => {
    const wrong = createHmac('sha256', 'other_secret').update(body).digest('base64');
    expect(verifyHmacSha256Base64(body, 'shpss_secret', `${signature}, ${wrong}`)).toBe(false);
    expect(verifyHmacSha256Base64(body, 'shpss_secret', `${signature}garbage`)).toBe(false);
  });

  it('refuses a missing signature and an empty secret', () => {
    expect(verifyHmacSha256Base64(body, 'shpss_secret', undefined)).toBe(false);
    expect(verifyHmacSha256Base64(body, 'shpss_secret', '')).toBe(false);
    const unsigned = createHmac('sha256', '').update(body).digest('base64');
    expect(verifyHmacSha256Base64(body, '', unsigned)).toBe(false);
  });
});
