import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The subgraph's layers, bottom up (README "How a request runs"): a file imports its own layer and the
// layers below it, never one above. Orchestration reaches the services through the `CallServices`
// interface it declares, so it sits below `services.ts`, which builds them.
const LAYERS: readonly (readonly string[])[] = [
  ['generated', 'config.ts'],
  ['providers'],
  ['keys', 'usage', 'settings'],
  ['orchestration'],
  ['services.ts'],
  ['context.ts'],
  ['shopify-product', 'tiktok-video', 'resolvers', 'http-api'],
  ['start-llm-subgraph.ts', 'registration.ts'],
  ['main.ts', 'index.ts'],
];
// The ledger's statements: only its one writer runs them.
const LEDGER_STATEMENTS = [
  'usage/begin-usage.ts',
  'usage/finish-usage.ts',
  'usage/record-refusal.ts',
  'usage/close-interrupted-usage.ts',
];
const LEDGER_WRITER = 'usage/ledger-writer.ts';

const root = import.meta.dirname;
const top = (file: string) => file.split(path.sep)[0] ?? file;
const layerOf = (file: string) => LAYERS.findIndex((layer) => layer.includes(top(file)));

/**
 * Every source file of the subgraph, relative to src, with the files of src it imports. Generated code
 * is left out as an importer: codegen's resolver types name the context type by design.
 */
function importsByFile(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (top(file) === 'generated' || file === path.basename(import.meta.filename)) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'|^import '(\.[^']+)'/gms)]
      .map((match) =>
        path.relative(root, path.resolve(path.dirname(path.join(root, file)), match[1] ?? match[2] ?? '')),
      )
      .filter((target) => !target.startsWith('..'));
    graph.set(file, targets);
  }
  return graph;
}

describe('the LLM subgraph’s imports', () => {
  const graph = importsByFile();

  it('reads every file of src, each in a known layer', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect([...graph.keys()].filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('never run up the layers', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => layerOf(target) > layerOf(file)).map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('form no cycle between folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (top(target) !== top(file))
          folders.set(top(file), (folders.get(top(file)) ?? new Set()).add(top(target)));
      }
    }
    const reaches = (from: string, to: string): boolean => {
      const seen = new Set<string>();
      const stack = [...(folders.get(from) ?? [])];
      for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(folders.get(next) ?? []));
      }
      return false;
    };
    expect([...folders.keys()].filter((folder) => reaches(folder, folder))).toEqual([]);
  });

  it('give the ledger’s statements to its one writer only', () => {
    const others = [...graph].flatMap(([file, targets]) =>
      file === LEDGER_WRITER
        ? []
        : targets
            .filter((target) => LEDGER_STATEMENTS.includes(target))
            .map((target) => `${file} → ${target}`),
    );
    expect(others).toEqual([]);
    expect(graph.get(LEDGER_WRITER)).toEqual(expect.arrayContaining(LEDGER_STATEMENTS));
  });
});
