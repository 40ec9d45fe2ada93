/**
 * The metric families a Prometheus text scrape declares (`# TYPE <name> <type>`), with their type, and
 * the names that have at least one sample.
 */
export function scrapeMetricNames(text: string): { types: Map<string, string>; sampled: Set<string> } {
  const types = new Map<string, string>();
  const sampled = new Set<string>();
  for (const line of text.split('\n')) {
    const declared = line.match(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)$/);
    if (declared?.[1] && declared[2]) types.set(declared[1], declared[2]);
    const sample = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/);
    if (sample?.[1]) sampled.add(sample[1].replace(/_(bucket|sum|count)$/, ''));
  }
  return { types, sampled };
}

/**
 * The sum of the samples of `name` whose labels include `labels` (any order, others ignored), or
 * undefined when none matches.
 */
export function sampleValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const sample = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/);
    if (!sample || sample[1] !== name) continue;
    const present = new Map(
      [...(sample[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([label, value]) => present.get(label) === value)) {
      total = (total ?? 0) + Number(sample[3]);
    }
  }
  return total;
}
