import { describe, expect, it } from 'vitest';
import { createTopicHighWater } from './topic-high-water.ts';

describe('createTopicHighWater', () => {
  it('takes ids above each topic’s mark and refuses copies at or below it', () => {
    const marks = createTopicHighWater();
    expect([marks.advance('a', 5), marks.advance('b', 3), marks.advance('a', 7)]).toEqual([true, true, true]);
    expect([marks.advance('a', 7), marks.advance('a', 6), marks.advance('b', 3)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(marks.advance('b', 4)).toBe(true);
  });

  it('forgets marks not moved for keepMs, and the stalest past maxTopics', () => {
    let now = 0;
    const marks = createTopicHighWater({ keepMs: 1000, maxTopics: 2, now: () => now });
    marks.advance('old', 10);
    now = 5000;
    marks.advance('fresh', 1);
    expect(marks.advance('old', 10)).toBe(true);
    marks.advance('third', 1);
    // 'fresh' is now the stalest of three: dropped.
    expect(marks.advance('fresh', 1)).toBe(true);
  });
});
