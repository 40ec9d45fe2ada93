import { describe, expect, it } from 'vitest';
import {
  decodeResearchCursor,
  encodeResearchCursor,
  lastDays,
  researchQuery,
  researchWindow,
} from './research-query.ts';

describe('research query building', () => {
  it('counts the 30-day window in UTC days, as TikTok does', () => {
    expect(researchWindow(new Date('2026-11-01T23:59:00Z'), new Date('2026-12-01T00:01:00Z'))).toEqual({
      start_date: '20261101',
      end_date: '20261201',
    });
    expect(() => researchWindow(new Date('2026-11-01T00:00:00Z'), new Date('2026-12-02T00:00:00Z'))).toThrow(
      /at most 30 days/,
    );
    expect(() => researchWindow(new Date('2026-12-02T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toThrow(
      'to must not be before from.',
    );
  });

  it('puts regions and the username in `and`, hashtags and keywords in `or`, normalized and deduplicated', () => {
    expect(
      researchQuery({ hashtags: ['#OOTD', 'ootd', 'grwm'], keywords: [' linen '], regions: ['us', 'CA'] }),
    ).toEqual({
      and: [{ operation: 'IN', field_name: 'region_code', field_values: ['US', 'CA'] }],
      or: [
        { operation: 'IN', field_name: 'hashtag_name', field_values: ['ootd', 'grwm'] },
        { operation: 'IN', field_name: 'keyword', field_values: ['linen'] },
      ],
    });
    expect(researchQuery({ username: 'maya.wears' })).toEqual({
      and: [{ operation: 'EQ', field_name: 'username', field_values: ['maya.wears'] }],
    });
    expect(() => researchQuery({ hashtags: Array.from({ length: 21 }, (_, i) => `tag${i}`) })).toThrow(
      'Give at most 20 hashtags.',
    );
    expect(() => researchQuery({ username: 'x' })).toThrow(/username/);
  });

  it('round-trips a cursor and refuses anything else', () => {
    expect(decodeResearchCursor(encodeResearchCursor('7201388525814961198', 100))).toEqual({
      searchId: '7201388525814961198',
      cursor: 100,
    });
    for (const forged of ['', '1', 'a.1', '1.-1', '1.1.1', `${'9'.repeat(26)}.1`]) {
      expect(() => decodeResearchCursor(forged)).toThrow('after must be an endCursor of a previous page.');
    }
  });

  it('takes 1-30 days back from now', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    expect(lastDays(7, now).from.toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(() => lastDays(0, now)).toThrow('days must be between 1 and 30.');
    expect(() => lastDays(31, now)).toThrow('days must be between 1 and 30.');
  });
});
