/**
 * An array literal for a parameter cast with `::text[]`, `::timestamptz[]` or `::int[]`. postgres.js's
 * `sql.array` depends on array types it fetches per connection (and cannot type an empty array on a
 * drizzle-wrapped pool); a literal quoted here depends on nothing.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values
    .map((value) =>
      typeof value === 'number' ? String(value) : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    )
    .join(',')}}`;
}
