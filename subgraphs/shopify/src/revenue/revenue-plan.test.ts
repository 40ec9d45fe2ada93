import { describe, expect, it } from 'vitest';
import { bucketKey, type LocalDay, planRevenue } from './revenue-plan.ts';

/** Local days of America/New_York around the 2026-03-08 spring-forward (23 h day). */
const ny: LocalDay[] = [
  { date: '2026-03-06', start: new Date('2026-03-06T05:00:00Z') },
  { date: '2026-03-07', start: new Date('2026-03-07T05:00:00Z') },
  { date: '2026-03-08', start: new Date('2026-03-08T05:00:00Z') },
  { date: '2026-03-09', start: new Date('2026-03-09T04:00:00Z') },
  { date: '2026-03-10', start: new Date('2026-03-10T04:00:00Z') },
];

describe('planRevenue', () => {
  it('takes whole local days from day rollups, whole hours and partial hours at the edges', () => {
    const plan = planRevenue(new Date('2026-03-06T10:30:00Z'), new Date('2026-03-09T06:15:00Z'), 'DAY', ny);
    expect(plan.buckets.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-03-06T10:30:00.000Z', '2026-03-07T05:00:00.000Z'],
      ['2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z'],
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09T04:00:00.000Z', '2026-03-09T06:15:00.000Z'],
    ]);
    expect(plan.days.map((d) => [d.start.toISOString(), d.bucket])).toEqual([
      ['2026-03-07T05:00:00.000Z', 1],
      ['2026-03-08T05:00:00.000Z', 2],
    ]);
    // 11:00–05:00 on the first day, 04:00–06:00 on the last.
    expect(plan.hours.filter((h) => h.bucket === 0)).toHaveLength(18);
    expect(plan.hours.filter((h) => h.bucket === 3)).toHaveLength(2);
    expect(plan.ranges.map((r) => [r.from.toISOString(), r.to.toISOString(), r.bucket])).toEqual([
      ['2026-03-06T10:30:00.000Z', '2026-03-06T11:00:00.000Z', 0],
      ['2026-03-09T06:00:00.000Z', '2026-03-09T06:15:00.000Z', 3],
    ]);
  });

  it('keeps hours inside a partial day of a half-hour-offset timezone (no hour crosses local midnight)', () => {
    // Asia/Kolkata: local midnight is 18:30 UTC.
    const kolkata: LocalDay[] = [
      { date: '2026-01-01', start: new Date('2025-12-31T18:30:00Z') },
      { date: '2026-01-02', start: new Date('2026-01-01T18:30:00Z') },
      { date: '2026-01-03', start: new Date('2026-01-02T18:30:00Z') },
    ];
    const plan = planRevenue(
      new Date('2026-01-01T12:00:00Z'),
      new Date('2026-01-02T03:00:00Z'),
      'DAY',
      kolkata,
    );
    expect(plan.buckets).toHaveLength(2);
    expect(plan.ranges.map((r) => [r.from.toISOString(), r.to.toISOString(), r.bucket])).toEqual([
      ['2026-01-01T18:00:00.000Z', '2026-01-01T18:30:00.000Z', 0],
      ['2026-01-01T18:30:00.000Z', '2026-01-01T19:00:00.000Z', 1],
    ]);
    for (const hour of plan.hours) {
      const bucket = plan.buckets[hour.bucket];
      expect(hour.start >= (bucket?.start ?? new Date(0))).toBe(true);
      expect(hour.start.getTime() + 3_600_000 <= (bucket?.end.getTime() ?? 0)).toBe(true);
    }
  });

  it('groups days into ISO weeks and months, clamping the first and last bucket to [from, to)', () => {
    const plan = planRevenue(new Date('2026-03-07T05:00:00Z'), new Date('2026-03-10T04:00:00Z'), 'WEEK', ny);
    expect(plan.buckets.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-03-07T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
      ['2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z'],
    ]);
    expect(plan.hours).toEqual([]);
    expect(plan.ranges).toEqual([]);
    expect(bucketKey('2026-03-08', 'WEEK')).toBe('2026-03-02');
    expect(bucketKey('2026-03-09', 'WEEK')).toBe('2026-03-09');
    expect(bucketKey('2026-03-09', 'MONTH')).toBe('2026-03');
  });
});
