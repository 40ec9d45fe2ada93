/** How revenueSummary buckets its series. */
export type RevenueInterval = 'DAY' | 'WEEK' | 'MONTH';

/** A local day of the shop's timezone and the instant it starts. */
export interface LocalDay {
  /** `YYYY-MM-DD`. */
  date: string;
  start: Date;
}

export interface PlannedBucket {
  start: Date;
  end: Date;
}

/**
 * Where the figures of each series bucket come from: whole local days (day rollups), whole UTC hours of
 * the partial days at the edges (hour rollups), and the remaining partial hours (the orders themselves).
 * Every piece names the bucket it belongs to by index.
 */
export interface RevenuePlan {
  buckets: PlannedBucket[];
  days: { start: Date; bucket: number }[];
  hours: { start: Date; bucket: number }[];
  ranges: { from: Date; to: Date; bucket: number }[];
}

const HOUR = 3_600_000;

/**
 * Plans `[from, to)` over `days`: consecutive local days whose starts cover it (the first starts at or
 * before `from`; the last starts at or after `to`, only its start is used). Pure: the timezone is already
 * in the day starts.
 */
export function planRevenue(
  from: Date,
  to: Date,
  interval: RevenueInterval,
  days: readonly LocalDay[],
): RevenuePlan {
  const plan: RevenuePlan = { buckets: [], days: [], hours: [], ranges: [] };
  let currentKey: string | undefined;
  for (let index = 0; index + 1 < days.length; index++) {
    const day = days[index] as LocalDay;
    const dayEnd = (days[index + 1] as LocalDay).start;
    const a = Math.max(from.getTime(), day.start.getTime());
    const b = Math.min(to.getTime(), dayEnd.getTime());
    if (a >= b) continue;
    const key = bucketKey(day.date, interval);
    if (key !== currentKey) {
      currentKey = key;
      plan.buckets.push({ start: new Date(a), end: new Date(b) });
    }
    const bucket = plan.buckets.length - 1;
    (plan.buckets[bucket] as PlannedBucket).end = new Date(b);
    if (a === day.start.getTime() && b === dayEnd.getTime()) {
      plan.days.push({ start: day.start, bucket });
      continue;
    }
    const firstHour = Math.ceil(a / HOUR) * HOUR;
    const lastHour = Math.floor(b / HOUR) * HOUR;
    if (firstHour >= lastHour) {
      plan.ranges.push({ from: new Date(a), to: new Date(b), bucket });
      continue;
    }
    if (a < firstHour) plan.ranges.push({ from: new Date(a), to: new Date(firstHour), bucket });
    for (let hour = firstHour; hour < lastHour; hour += HOUR)
      plan.hours.push({ start: new Date(hour), bucket });
    if (lastHour < b) plan.ranges.push({ from: new Date(lastHour), to: new Date(b), bucket });
  }
  return plan;
}

/** The series bucket a local day falls in: the day, its ISO week's Monday, or its month. */
export function bucketKey(date: string, interval: RevenueInterval): string {
  switch (interval) {
    case 'DAY':
      return date;
    case 'WEEK': {
      const day = new Date(`${date}T00:00:00Z`);
      const sinceMonday = (day.getUTCDay() + 6) % 7;
      return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
    }
    case 'MONTH':
      return date.slice(0, 7);
    default: {
      const unknown: never = interval;
      throw new Error(`unknown interval ${String(unknown)}`);
    }
  }
}
