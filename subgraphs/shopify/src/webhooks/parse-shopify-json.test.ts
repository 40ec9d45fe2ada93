import { describe, expect, it } from 'vitest';
import { parseShopifyJson } from './parse-shopify-json.ts';

describe('parseShopifyJson', () => {
  it('gives the body’s text back when a plain parse read it, to be stored as sent', () => {
    const text = '{"id": 5911946154508, "name": "#1001"}';
    expect(parseShopifyJson(Buffer.from(text))).toEqual({
      ok: true,
      payload: { id: 5911946154508, name: '#1001' },
      text,
    });
  });

  it('keeps integers beyond 2^53 as their digits and gives no text (stored serialised, as parsed)', () => {
    const parsed = parseShopifyJson(Buffer.from('{"id": 820982911946154508, "total": 12.5}'));
    expect(parsed).toEqual({ ok: true, payload: { id: '820982911946154508', total: 12.5 } });
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of ['not json', 'null', '42']) {
      expect(parseShopifyJson(Buffer.from(body))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    }
  });
});
