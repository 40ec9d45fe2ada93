import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The kit knows no integration by name: a provider is an id its subgraph registers (IntegrationProvider),
// and each subgraph owns its OAuth profile, webhook source, mapping and encrypted tables. This check keeps
// it so: a third integration must not need a kit edit. What the kit may import (no subgraph, no gateway,
// no sandbox, no other subgraph's tables) is checked by dependency-cruiser in `npm run check`
// (.dependency-cruiser.mjs).

const kitSource = path.resolve(import.meta.dirname, '..');

/** Integrations and the providers behind them, today's and the spec's next ones (case-insensitive). */
const PROVIDER_NAMES =
  /shopify|tiktok|instagram|youtube|openai|anthropic|claude|gemini|ollama|vllm|myshopify/i;

/** Production source: every `.ts` file but tests (test support lives in @ionflux/testing, not here). */
function productionFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return productionFiles(full);
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

describe('the kit names no integration', () => {
  const files = productionFiles(kitSource);

  it('reads the whole kit (tests aside), which holds no test support', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files.some((file) => file.endsWith(path.join('oauth', 'provider-profile.ts')))).toBe(true);
    expect(files.some((file) => file.includes(`${path.sep}testing${path.sep}`))).toBe(false);
  });

  it('no kit source file names a provider, in code or comments', () => {
    const found = files.flatMap((file) => providerNamesIn(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches what it looks for (so a pass means something)', () => {
    expect(providerNamesIn('x.ts', "const noun = 'TikTok account';")).toHaveLength(1);
    expect(providerNamesIn('x.ts', '// as Shopify’s library does')).toHaveLength(1);
    expect(providerNamesIn('x.ts', "provider: 'Instagram'")).toHaveLength(1);
    expect(providerNamesIn('x.ts', 'a store, an account, a provider id')).toEqual([]);
  });
});
