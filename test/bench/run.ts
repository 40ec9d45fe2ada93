// `npm run bench -- <name>`: runs one benchmark by name. Each benchmark prints a table on stdout and
// writes its figures as JSON under bench-results/. Add one by adding its module to `benchmarks`.
const benchmarks: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  federation: () => import('./federation-bench.ts'),
  llm: () => import('./llm-bench.ts'),
  overhead: () => import('./overhead-bench.ts'),
  shopify: () => import('./shopify-bench.ts'),
  'shopify-events': () => import('./shopify-events-bench.ts'),
  subscriptions: () => import('./subscriptions-bench.ts'),
};

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (names.length === 0 || names.some((name) => !(name in benchmarks))) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [...]`);
  process.exit(2);
}
for (const name of names) {
  const load = benchmarks[name];
  if (load) await (await load()).run();
}
