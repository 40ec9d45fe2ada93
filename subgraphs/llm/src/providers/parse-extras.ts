/**
 * Reads provider-specific parameters (`{name, value}` with JSON values), refusing names the adapter
 * does not allow so a caller cannot override what orchestration sets (model, stream, messages…).
 */
export function parseExtras(
  extras: readonly { name: string; value: string }[],
  allowed: ReadonlySet<string>,
  providerName: string,
): { ok: true; extra: Record<string, unknown> } | { ok: false; problems: string[] } {
  const extra: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const { name, value } of extras) {
    if (!allowed.has(name)) {
      problems.push(
        `parameters.extra: ${providerName} does not accept "${name}" here; allowed: ${[...allowed].join(', ')}`,
      );
      continue;
    }
    try {
      extra[name] = JSON.parse(value) as unknown;
    } catch {
      problems.push(`parameters.extra: the value of "${name}" is not JSON`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, extra };
}
