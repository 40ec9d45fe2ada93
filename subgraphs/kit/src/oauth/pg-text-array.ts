/**
 * A `text[]` literal for a parameter cast with `::text[]`. postgres.js's `sql.array` depends on array
 * types it fetches per connection and sends `a,b` (not `{a,b}`) on a connection that has not fetched
 * them yet; a literal we quote ourselves does not depend on that.
 */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
