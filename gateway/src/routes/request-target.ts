/** Why a request target is refused before any route sees it. */
export type TargetVerdict = { ok: true } | { ok: false; message: string };

const MAX_DECODING_ROUNDS = 4;

/**
 * Checks the raw request target as Node's parser delivered it (`req.url`, nothing normalised yet). Only
 * origin-form (`/path?query`) is served: Node also accepts absolute-form (`GET http://host/path`), which
 * a proxy that resolves `req.url` against an origin would follow to any host. In the path, dot segments,
 * backslashes, `;` and `//` are refused, raw or percent-encoded however many times (`%2e`, `%252e`,
 * `%5c`, `%2f..`), since no route of the gateway has one and an upstream or a later normaliser could
 * read them as a way out of the route. The query string is not looked at.
 */
export function inspectRequestTarget(target: string | undefined): TargetVerdict {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) {
    return { ok: false, message: 'The request target must be a path (origin-form), not a URL.' };
  }
  const queryAt = target.indexOf('?');
  let path = queryAt < 0 ? target : target.slice(0, queryAt);
  for (let round = 0; ; round++) {
    const problem = pathProblem(path);
    if (problem) return { ok: false, message: `The request path ${problem}.` };
    if (!path.includes('%')) return { ok: true };
    if (round === MAX_DECODING_ROUNDS)
      return { ok: false, message: 'The request path is encoded too deeply.' };
    try {
      path = decodeURIComponent(path);
    } catch {
      return { ok: false, message: 'The request path has a malformed percent-encoding.' };
    }
  }
}

function pathProblem(path: string): string | undefined {
  const lower = path.toLowerCase();
  if (lower.includes('%2e')) return 'has an encoded dot';
  if (path.includes('\\') || lower.includes('%5c')) return 'has a backslash';
  if (path.includes(';')) return 'has a ";"';
  if (path.includes('//')) return 'has an empty segment ("//")';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'has a dot segment';
  // Control characters or a fragment decoded out of the path are never part of a route.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f#]/.test(path)) return 'has a control character';
  return undefined;
}
