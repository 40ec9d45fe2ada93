import { describe, expect, it } from 'vitest';
import { parseShopifyJson, readShopifyBody } from './parse-shopify-json.ts';

describe('parseShopifyJson', () => {
  it('gives the body’s text back when a plain parse read it, to be stored as sent', () => {
    const text = '{"id": 5911946154508, "name": "#1001"}';
    expect(parseShopifyJson(Buffer.from(text))).toEqual({
      ok: true,
      body: { payload: { id: 5911946154508, name: '#1001' }, payloadText: text },
    });
  });

  it('keeps integers beyond 2^53 as their digits and gives no text (stored serialised, as parsed)', () => {
    const parsed = parseShopifyJson(Buffer.from('{"id": 820982911946154508, "total": 12.5}'));
    expect(parsed).toEqual({ ok: true, body: { payload: { id: '820982911946154508', total: 12.5 } } });
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of ['not json', 'null', '42']) {
      expect(parseShopifyJson(Buffer.from(body))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    }
  });
});

describe('readShopifyBody', () => {
  it('gives an order’s or product’s body as text only, unparsed (the store checks its syntax)', () => {
    for (const text of ['{"id": 5911946154508, "name": "#1001"}', ' \n[{"id": 1}]', '{"broken": ']) {
      expect(readShopifyBody(Buffer.from(text))).toEqual({ ok: true, body: { payloadText: text } });
    }
  });

  it('parses a body that may name a shop, for the check against the shop header', () => {
    for (const text of [
      '{"myshopify_domain": "a.myshopify.com"}',
      '{"shop_id": 1, "shop_domain": "a.myshopify.com"}',
    ]) {
      expect(readShopifyBody(Buffer.from(text))).toEqual({
        ok: true,
        body: { payload: JSON.parse(text), payloadText: text },
      });
    }
    expect(readShopifyBody(Buffer.from('{"shop_domain": '))).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
    });
  });

  it('parses a body with an integer beyond 2^53 as parseShopifyJson does, and gives no text', () => {
    expect(readShopifyBody(Buffer.from('{"id": 820982911946154508}'))).toEqual({
      ok: true,
      body: { payload: { id: '820982911946154508' } },
    });
  });

  it('refuses a body that does not open like a JSON object or array, saying why', () => {
    expect(readShopifyBody(Buffer.from('not json'))).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      reason: 'The delivery’s body is not valid JSON.',
    });
    for (const body of ['null', '42', '"text"', '\ufeff{}']) {
      expect(readShopifyBody(Buffer.from(body))).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    }
  });
});
