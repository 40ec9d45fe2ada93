const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'atan2',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects: its identifiers that are neither functions (followed by
 * `(`), keywords, label names (inside `{…}`, or the lists after `by`/`without`/`on`/`ignoring`/
 * `group_left`/`group_right`), string contents, numbers nor durations. Small on purpose: it reads the
 * expressions a dashboard holds, not all of PromQL (no subquery steps, no `@` modifiers).
 */
export function promqlMetricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    // Numbers and durations (`0.95`, `1e3`, `offset 1h`): not identifiers.
    .replace(/(?<![a-zA-Z0-9_:])\d[\d.]*(?:e[+-]?\d+)?[a-zA-Z]*/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = match[0];
    const after = stripped.slice((match.index ?? 0) + word.length).trimStart();
    if (after.startsWith('(') || KEYWORDS.has(word.toLowerCase())) continue;
    names.add(word);
  }
  return [...names];
}
