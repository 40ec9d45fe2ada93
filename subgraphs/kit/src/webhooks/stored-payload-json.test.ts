import { describe, expect, it } from 'vitest';
import { storedPayloadJson, UnstorablePayloadError } from './stored-payload-json.ts';

const serialised = (payload: unknown) => storedPayloadJson({ payload });

describe('storedPayloadJson', () => {
  it('refuses a payload holding a NUL character or half a surrogate pair, wherever it is', () => {
    for (const value of [
      { note: '\u0000' },
      { a: { b: ['x\u0000y'] } },
      { 'key\u0000': 1 },
      '\\\u0000',
      { note: 'half \ud800' },
      { note: '\udfff' },
      { note: 'reversed \udc00\ud800' },
    ]) {
      expect(() => serialised(value)).toThrow(UnstorablePayloadError);
      // The body as sent, escapes and all, is no way around it.
      expect(() => storedPayloadJson({ payload: value, payloadText: JSON.stringify(value) })).toThrow(
        UnstorablePayloadError,
      );
    }
  });

  it('keeps text that only looks like one, and whole pairs', () => {
    for (const value of [
      { note: '\\u0000' },
      { note: '\\\\u0000' },
      { note: 'u0000 ud800' },
      { note: '\\ud800' },
      { emoji: '😀 \ud83d\ude00' },
      { n: 0, escaped: '\u0001 \u001f' },
    ]) {
      expect(JSON.parse(serialised(value))).toEqual(value);
    }
  });

  it('stores the body as sent when the source gave its text, escapes and spacing included', () => {
    const text = '{ "title": "Caf\\u00e9 \\u0026 co", "id": 1234567890123,\n "tags": [] }';
    expect(storedPayloadJson({ payload: JSON.parse(text), payloadText: text })).toBe(text);
  });

  it('serialises the payload again when the body writes a surrogate pair as two escapes', () => {
    const text = '{"emoji":"\\ud83d\\ude00"}';
    const stored = storedPayloadJson({ payload: JSON.parse(text), payloadText: text });
    expect(stored).toBe('{"emoji":"😀"}');
  });

  it('serialises the payload when the source gave no text (e.g. large integers kept as strings)', () => {
    expect(storedPayloadJson({ payload: { id: '820982911946154508' } })).toBe('{"id":"820982911946154508"}');
  });

  it('stores a body given only as text as sent, parsing it only to serialise it again when it must', () => {
    const text = '{ "title": "Caf\\u00e9", "id": 1234567890123 }';
    expect(storedPayloadJson({ payloadText: text })).toBe(text);
    expect(storedPayloadJson({ payloadText: '{"emoji":"\\ud83d\\ude00"}' })).toBe('{"emoji":"😀"}');
    expect(() => storedPayloadJson({ payloadText: '{"note":"\\u0000"}' })).toThrow(UnstorablePayloadError);
    // Text that is not JSON is left to the database's json input, unless it must be parsed here.
    expect(storedPayloadJson({ payloadText: '{"broken": ' })).toBe('{"broken": ');
    expect(() => storedPayloadJson({ payloadText: '{"broken": "\\ud800' })).toThrow(
      'The delivery’s body is not valid JSON.',
    );
  });
});
