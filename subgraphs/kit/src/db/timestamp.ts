// drizzle's postgres-js driver replaces the timestamp parsers and serializers of the postgres.js client it
// wraps with pass-through ones (drizzle maps its own columns). Raw SQL on that client therefore receives
// timestamps as the text Postgres sends, and a `Date` parameter is no longer serialised ("The "string"
// argument must be of type string … Received an instance of Date"). Kit SQL that may run on such a pool
// binds timestamps as ISO text cast with `::timestamptz` and reads them through `readTimestamp`, so one
// pool serves drizzle and the kit alike.

/** A timestamp as a query parameter: ISO 8601 text. Cast it in the SQL: `${timestampParam(now)}::timestamptz`. */
export function timestampParam(value: Date): string;
export function timestampParam(value: Date | null): string | null;
export function timestampParam(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** A `timestamptz` value as read: a `Date` from a plain postgres.js pool, text from a drizzle-wrapped one. */
export type StoredTimestamp = Date | string;

// Postgres's ISO output, `2026-11-25 09:44:38.123456+00` (offset `+05:30`, or `+05:30:15` before 1900).
const PG_TIMESTAMPTZ = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::?(\d\d))?(?::?(\d\d))?$/;

/**
 * A `timestamptz` read by raw SQL, as a `Date`, whichever pool read it. Throws on text that is not
 * Postgres's ISO output (e.g. `infinity`): no column the kit reads holds one.
 */
export function readTimestamp(value: StoredTimestamp): Date;
export function readTimestamp(value: StoredTimestamp | null): Date | null;
export function readTimestamp(value: StoredTimestamp | null): Date | null {
  if (value === null || value instanceof Date) return value;
  const match = PG_TIMESTAMPTZ.exec(value);
  if (!match) throw new Error(`not a timestamptz: ${JSON.stringify(value.slice(0, 40))}`);
  const [, date, time, hours, minutes = '00', seconds] = match;
  const parsed = new Date(`${date}T${time}${hours}:${minutes}`);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not a timestamptz: ${JSON.stringify(value)}`);
  // Second-precision offsets only occur in local mean times before 1900; apply them exactly.
  const sign = hours?.startsWith('-') ? -1 : 1;
  return seconds === undefined ? parsed : new Date(parsed.getTime() - sign * Number(seconds) * 1000);
}
