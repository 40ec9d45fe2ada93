/**
 * REST payloads render times in the shop's zone with an offset, e.g. `2024-01-01T07:34:56-05:00`.
 * The simulated shops sit in America/New_York at a fixed -05:00 (no daylight saving).
 */
export function restTime(date: Date | null | undefined): string | null {
  if (!date) return null;
  const shifted = new Date(date.getTime() - 5 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}-05:00`;
}
