import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The kit knows no integration by name: a provider is an id its subgraph registers (IntegrationProvider),
// and each subgraph owns its OAuth profile, webhook source, mapping and encrypted tables. These checks
// keep it so: a third integration must not need a kit edit.

const kitSource = path.resolve(import.meta.dirname, '..');

/** Integrations and the providers behind them, today's and the spec's next ones (case-insensitive). */
const PROVIDER_NAMES =
  /shopify|tiktok|instagram|youtube|openai|anthropic|claude|gemini|ollama|vllm|myshopify/i;

/** Packages the kit may import: itself and the shared table definitions, of its own tables only. */
function forbiddenImport(specifier: string): string | undefined {
  if (!specifier.startsWith('@ionflux/')) return undefined;
  if (specifier.startsWith('@ionflux/kit/')) return undefined;
  if (specifier === '@ionflux/drizzle/kit' || specifier === '@ionflux/drizzle/migrations') return undefined;
  return specifier;
}

/** Production source: every `.ts` file but tests and test support (`testing/` folders, `*.test.ts`). */
function productionFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : productionFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every place a file names a provider: `file:line: text`. */
function providerNamesIn(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      PROVIDER_NAMES.test(line) ? [`${path.relative(kitSource, file)}:${index + 1}: ${line.trim()}`] : [],
    );
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('the kit names no integration', () => {
  const files = productionFiles(kitSource);

  it('reads the whole kit (tests and test support aside)', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files.some((file) => file.endsWith(path.join('oauth', 'provider-profile.ts')))).toBe(true);
    expect(files.some((file) => file.includes(`${path.sep}testing${path.sep}`))).toBe(false);
  });

  it('no kit source file names a provider, in code or comments', () => {
    const found = files.flatMap((file) => providerNamesIn(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('no kit source file imports a subgraph, the gateway, the sandbox or another subgraph’s tables', () => {
    const found = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .map(
          (specifier) =>
            forbiddenImport(specifier) ??
            (specifier.startsWith('.') && !path.resolve(path.dirname(file), specifier).startsWith(kitSource)
              ? specifier
              : undefined),
        )
        .filter((hit) => hit !== undefined)
        .map((hit) => `${path.relative(kitSource, file)}: ${hit}`),
    );
    expect(found).toEqual([]);
  });

  it('catches what it looks for (so a pass means something)', () => {
    expect(providerNamesIn('x.ts', "const noun = 'TikTok account';")).toHaveLength(1);
    expect(providerNamesIn('x.ts', '// as Shopify’s library does')).toHaveLength(1);
    expect(providerNamesIn('x.ts', "provider: 'Instagram'")).toHaveLength(1);
    expect(providerNamesIn('x.ts', 'a store, an account, a provider id')).toEqual([]);
    expect(importsOf("import { x } from '@ionflux/drizzle/llm';").map(forbiddenImport)).toEqual([
      '@ionflux/drizzle/llm',
    ]);
    expect(
      importsOf("const m = await import('@ionflux/shopify/registration');").map(forbiddenImport),
    ).toEqual(['@ionflux/shopify/registration']);
    expect(importsOf("import type { A } from '@ionflux/kit/oauth';").map(forbiddenImport)).toEqual([
      undefined,
    ]);
  });
});
