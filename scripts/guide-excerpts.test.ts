import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/adding-an-integration.md walks through the worked example in docs/examples/instagram/, which
// test/e2e/guide-worked-example.test.ts runs. This keeps the guide's text true to that code and to the
// repository: a code block titled with a file path is that file's code verbatim; a block `like` a file
// is that file with TikTok renamed to Instagram; a block `after` a file is that file's code plus the
// lines that name Instagram; every link and repository path it names exists; every `npm run` script too.

const root = fileURLToPath(new URL('../', import.meta.url));
const GUIDE = 'docs/adding-an-integration.md';

interface CodeBlock {
  lang: string;
  attributes: Record<string, string>;
  code: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, with their info-string attributes (`title="…"`). */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)\n```$/gm)) {
    const [, lang = '', info = '', code = ''] = match;
    const attributes = Object.fromEntries([...info.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    blocks.push({ lang, attributes, code, line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

/** Paths of the integration the guide tells how to add: they do not exist until someone adds it. */
const planned = (path: string) => /instagram/i.test(path) && !path.startsWith('docs/examples/instagram');

/** Every way a guide has drifted from the code it describes. */
function problemsOf(guidePath: string, markdown: string, read: (path: string) => string | undefined) {
  const problems: string[] = [];
  const scripts = Object.keys(
    (JSON.parse(read('package.json') ?? '{}') as { scripts?: Record<string, string> }).scripts ?? {},
  );
  for (const block of codeBlocks(markdown)) {
    const at = `block at line ${block.line}`;
    const { title, like, after } = block.attributes;
    const target = title ?? like ?? after;
    if (target === undefined) {
      problems.push(`${at} names no file (title, like or after)`);
      continue;
    }
    const source = read(target);
    if (source === undefined) {
      problems.push(`${at}: ${target} does not exist`);
    } else if (title !== undefined && !source.includes(block.code)) {
      problems.push(`${at} is not verbatim in ${title}`);
    } else if (like !== undefined) {
      const renamed = block.code.replaceAll('Instagram', 'TikTok').replaceAll('instagram', 'tiktok');
      if (!source.includes(renamed)) problems.push(`${at} is not ${like} with TikTok renamed to Instagram`);
    } else if (after !== undefined) {
      const kept = block.code
        .split('\n')
        .filter((line) => !/instagram/i.test(line))
        .join('\n');
      if (!source.includes(kept))
        problems.push(`${at} without its Instagram lines is not verbatim in ${after}`);
    }
  }
  for (const [, link = ''] of markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/.test(link)) continue;
    if (!existsSync(resolve(root, dirname(guidePath), link))) problems.push(`link ${link}`);
  }
  for (const [, code = ''] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const path = code.trim();
    if (!/^(subgraphs|gateway|schema|drizzle|sandbox|test|scripts|deploy|docs)\/[\w./-]*$/.test(path))
      continue;
    if (!planned(path) && !existsSync(join(root, path))) problems.push(`path ${path}`);
  }
  for (const [, script = ''] of markdown.matchAll(/npm run ([\w:-]+)/g)) {
    if (!scripts.includes(script)) problems.push(`npm run ${script}`);
  }
  return problems;
}

const readFromRoot = (path: string) => {
  const full = join(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

describe(GUIDE, () => {
  const guide = readFileSync(join(root, GUIDE), 'utf8');

  it('quotes the worked example: every block titled with a file is in that file verbatim', () => {
    const titled = codeBlocks(guide).filter((block) => block.attributes['title'] !== undefined);
    expect(titled.length).toBeGreaterThanOrEqual(12);
    for (const block of titled) expect(block.attributes['title']).toMatch(/^docs\/examples\/instagram\//);
    expect(problemsOf(GUIDE, guide, readFromRoot)).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`](${GUIDE})`);
  });

  it('would catch an edited excerpt, a renamed file, a dead link or path, an unknown script', () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ scripts: { check: 'x' } }),
      'a.ts': 'export const a = 1;\nexport const b = 2;\n',
      'subgraphs/tiktok/src/main.ts': "await runService('tiktok subgraph', start);\n",
      'schema/src/subgraphs.ts': '  llm: [],\n  tiktok: [],\n};\n',
    };
    const read = (path: string) => files[path];
    const ok = [
      '```ts title="a.ts"\nexport const b = 2;\n```',
      '```ts like="subgraphs/tiktok/src/main.ts"\nawait runService(\'instagram subgraph\', start);\n```',
      '```ts after="schema/src/subgraphs.ts"\n  llm: [],\n  tiktok: [],\n  instagram: [],\n};\n```',
      '`subgraphs/instagram/src/main.ts` `npm run check`',
    ].join('\n\n');
    expect(problemsOf('docs/guide.md', ok, read)).toEqual([]);
    const broken = [
      '```ts title="a.ts"\nexport const b = 3;\n```',
      '```ts title="gone.ts"\nx\n```',
      '```ts\nuntitled\n```',
      '```ts like="subgraphs/tiktok/src/main.ts"\nawait runService(\'instagram subgraphs\', start);\n```',
      '```ts after="schema/src/subgraphs.ts"\n  llm: [],\n  instagram: [],\n  shopify: [],\n```',
      '[x](missing.md) `gateway/src/no-such-file.ts` `npm run no-such-script`',
    ].join('\n\n');
    expect(problemsOf('docs/guide.md', broken, read)).toEqual([
      'block at line 1 is not verbatim in a.ts',
      'block at line 5: gone.ts does not exist',
      'block at line 9 names no file (title, like or after)',
      'block at line 13 is not subgraphs/tiktok/src/main.ts with TikTok renamed to Instagram',
      'block at line 17 without its Instagram lines is not verbatim in schema/src/subgraphs.ts',
      'link missing.md',
      'path gateway/src/no-such-file.ts',
      'npm run no-such-script',
    ]);
  });
});
