/** Raised where Compose would stop: a `${NAME:?message}` or `${NAME?message}` whose variable is missing. */
export class MissingVariableError extends Error {}

/**
 * Compose's interpolation of one value (compose-spec 12-interpolation.md): `$$` is a dollar; `$NAME`,
 * `${NAME}`; `${NAME:-default}` / `${NAME-default}`; `${NAME:?err}` / `${NAME?err}`; `${NAME:+alt}` /
 * `${NAME+alt}`; defaults may nest. The colon forms treat an empty value as unset. `used` collects every
 * variable name read.
 */
export function interpolate(
  text: string,
  env: ReadonlyMap<string, string>,
  used = new Set<string>(),
): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (char !== '$') {
      out += char;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next !== '{') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (!name) {
        out += '$';
        i++;
        continue;
      }
      used.add(name);
      out += env.get(name) ?? '';
      i += 1 + name.length;
      continue;
    }
    let depth = 0;
    let end = i + 1;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    if (end >= text.length) throw new Error(`unterminated \${ in ${text}`);
    const body = text.slice(i + 2, end);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([\s\S]*))?$/.exec(body);
    if (!match?.[1]) throw new Error(`cannot interpolate \${${body}}`);
    const [, name, colon, operator, argument = ''] = match;
    used.add(name);
    const value = env.get(name);
    const missing = colon ? value === undefined || value === '' : value === undefined;
    if (operator === '-') out += missing ? interpolate(argument, env, used) : value;
    else if (operator === '?') {
      if (missing) throw new MissingVariableError(`${name}: ${interpolate(argument, env, used)}`);
      out += value;
    } else if (operator === '+') out += missing ? '' : interpolate(argument, env, used);
    else out += value ?? '';
    i = end + 1;
  }
  return out;
}

/** Interpolates every string value of a parsed Compose file (keys are left as they are, as Compose does). */
export function interpolateAll(
  value: unknown,
  env: ReadonlyMap<string, string>,
  used = new Set<string>(),
): unknown {
  if (typeof value === 'string') return interpolate(value, env, used);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, env, used));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateAll(item, env, used)]),
    );
  }
  return value;
}
