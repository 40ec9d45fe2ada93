/**
 * Shopify's search syntax for the `query:` argument, the part the simulator understands:
 * `field:value`, `field:>value` (also `>=`, `<`, `<=`), quoted values, `-field:value` / `NOT`,
 * implicit or explicit `AND`, and `OR` between groups of terms. Bare words search default text fields.
 */
export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negate: boolean;
}

/** Disjunction of conjunctions. */
export type SearchQuery = SearchTerm[][];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /(-?[\w.]+:(?:[<>]=?)?(?:"[^"]*"|'[^']*'|[^\s()]+))|("[^"]*"|'[^']*')|(\S+)/g;
  for (const match of query.matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

const unquote = (value: string): string => value.replace(/^["']|["']$/g, '');

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  if (!query?.trim()) return [];
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === 'AND') continue;
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    const group = groups[groups.length - 1] ?? [];
    const match = /^(-?)([\w.]+):([<>]=?)?(.*)$/.exec(token);
    if (match) {
      group.push({
        field: match[2] ?? null,
        comparator: (match[3] as Comparator | undefined) ?? '=',
        value: unquote(match[4] ?? ''),
        negate: negateNext || match[1] === '-',
      });
    } else {
      const negate = negateNext || token.startsWith('-');
      group.push({ field: null, comparator: '=', value: unquote(token.replace(/^-/, '')), negate });
    }
    negateNext = false;
  }
  return groups.filter((group) => group.length > 0);
}

/** What a record offers for a search field; `undefined` means "not a field of this resource" (ignored). */
export type FieldValue = string | number | boolean | Date | null | readonly string[] | undefined;

function compare(actual: FieldValue, comparator: Comparator, raw: string): boolean {
  if (actual === null) return raw === '' || raw.toLowerCase() === 'null';
  if (actual instanceof Date) {
    const wanted = Date.parse(raw);
    if (Number.isNaN(wanted)) return false;
    const time = actual.getTime();
    if (comparator === '=')
      return (
        new Date(wanted).toISOString().slice(0, 10) === actual.toISOString().slice(0, 10) || time === wanted
      );
    return comparator === '>'
      ? time > wanted
      : comparator === '>='
        ? time >= wanted
        : comparator === '<'
          ? time < wanted
          : time <= wanted;
  }
  if (typeof actual === 'number') {
    const wanted = Number(raw);
    if (comparator === '=') return actual === wanted;
    return comparator === '>'
      ? actual > wanted
      : comparator === '>='
        ? actual >= wanted
        : comparator === '<'
          ? actual < wanted
          : actual <= wanted;
  }
  if (typeof actual === 'boolean') return String(actual) === raw.toLowerCase();
  if (Array.isArray(actual)) return actual.some((item) => compare(item, comparator, raw));
  const text = String(actual).toLowerCase();
  const wanted = raw.toLowerCase();
  if (comparator !== '=') return compare(Number(text), comparator, raw);
  return wanted
    .split(',')
    .some((option) => (option.endsWith('*') ? text.startsWith(option.slice(0, -1)) : text === option));
}

export function matchesSearch<T>(
  record: T,
  query: SearchQuery,
  fieldOf: (record: T, field: string) => FieldValue,
  text: (record: T) => string,
): boolean {
  if (query.length === 0) return true;
  return query.some((group) =>
    group.every((term) => {
      let hit: boolean;
      if (term.field === null) hit = text(record).toLowerCase().includes(term.value.toLowerCase());
      else {
        const actual = fieldOf(record, term.field);
        if (actual === undefined) return true;
        hit = compare(actual, term.comparator, term.value);
      }
      return term.negate ? !hit : hit;
    }),
  );
}
