import { describe, expect, it } from 'vitest';
import { refuseUnreadableCharacters, UnstorablePayloadError } from './stored-payload-json.ts';

describe('refuseUnreadableCharacters', () => {
  it('refuses JSON text holding a NUL character or half a surrogate pair, wherever it is', () => {
    for (const value of [
      { note: '\u0000' },
      { a: { b: ['x\u0000y'] } },
      { 'key\u0000': 1 },
      '\\\u0000',
      { note: 'half \ud800' },
      { note: '\udfff' },
      { note: 'reversed \udc00\ud800' },
    ]) {
      expect(() => refuseUnreadableCharacters(JSON.stringify(value))).toThrow(UnstorablePayloadError);
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
      expect(() => refuseUnreadableCharacters(JSON.stringify(value))).not.toThrow();
    }
  });
});
