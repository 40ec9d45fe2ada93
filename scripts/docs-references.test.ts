import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The operator guides name commands, settings and API fields exactly; this keeps them true. Every
// `npm run <script>` exists (in the named workspace with -w), every setting in capitals is in the
// README's text, every camelCase name is a field, argument or value of the supergraph, and every
// relative link points at a file.

const root = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const supergraph = readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8');
const guides = [
  ...readdirSync(join(root, 'docs', 'runbooks')).map((name) => join('docs', 'runbooks', name)),
].filter((path) => path.endsWith('.md'));

const scriptsOf = (dir: string) =>
  Object.keys(
    (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { scripts?: object }).scripts ?? {},
  );

/** Every problem of one guide: what it names that does not exist. */
function problemsOf(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  const problems: string[] = [];
  for (const match of text.matchAll(/npm run ([\w:-]+)(?: -w ([\w/-]+))?/g)) {
    const [, script = '', workspace] = match;
    if (!scriptsOf(workspace ?? '.').includes(script))
      problems.push(`npm run ${script} (${workspace ?? 'root'})`);
  }
  for (const [, code = ''] of text.matchAll(/`([^`\n]+)`/g)) {
    for (const token of code.split(/[^\w.]+/)) {
      if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(token) || /^[A-Z]{4,}$/.test(token)) {
        if (!readme.includes(token) && !new RegExp(`\\b${token}\\b`).test(supergraph)) problems.push(token);
      } else if (/^[a-z]+[A-Z]\w*$/.test(token) && !new RegExp(`\\b${token}\\b`).test(supergraph)) {
        problems.push(token);
      }
    }
  }
  for (const [, link = ''] of text.matchAll(/\]\(([^)#]+)\)/g)) {
    if (/^[a-z]+:/.test(link)) continue;
    if (!existsSync(resolve(root, dirname(path), link))) problems.push(`link ${link}`);
  }
  return problems;
}

describe('operator guides name only what exists', () => {
  it('finds the runbooks', () => {
    expect(guides.length).toBeGreaterThanOrEqual(7);
  });

  it.each(guides)('%s', (path) => {
    expect(problemsOf(path)).toEqual([]);
  });

  it('would catch a renamed script, setting, field or file', () => {
    // The checks themselves, on a guide that names what does not exist.
    const text = '`npm run no-such-script`, `IONFLUX_NO_SUCH_SETTING`, `noSuchField`, [x](missing.md)';
    const problems: string[] = [];
    for (const [, script = ''] of text.matchAll(/npm run ([\w:-]+)/g)) {
      if (!scriptsOf('.').includes(script)) problems.push(script);
    }
    expect(problems).toEqual(['no-such-script']);
    expect(readme.includes('IONFLUX_NO_SUCH_SETTING')).toBe(false);
    expect(/\bnoSuchField\b/.test(supergraph)).toBe(false);
  });
});
