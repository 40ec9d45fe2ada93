import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The public federation benchmark's workload (github.com/graphql-hive/graphql-gateways-benchmark),
 * copied unchanged into `workload/` from the project's shared bench folder: the composed supergraph of
 * four subgraphs (accounts, inventory, products, reviews), the heavy `TestQuery` (about 88 KiB of
 * answer) and the fixed data the subgraphs serve.
 */
const directory = path.join(import.meta.dirname, 'workload');
const read = (file: string) => readFileSync(path.join(directory, file), 'utf8');

export const benchmarkQuery = read('query.graphql');

/** The subgraph URLs the checked-in supergraph routes to (the reference harness's ports). */
const WORKLOAD_ORIGIN = 'http://0.0.0.0:4200';

/** The supergraph with its subgraphs routed to `origin` (each at `/<name>`, as in the reference). */
export function benchmarkSupergraph(origin: string): string {
  return read('supergraph.graphql').replaceAll(WORKLOAD_ORIGIN, origin);
}

export interface BenchmarkData {
  users: { id: string; name: string; username: string; birthday: number }[];
  products: { upc: string; name: string; price: number; weight: number }[];
  inventory: { upc: string; inStock: boolean }[];
  reviews: { id: string; body: string; productUpc: string }[];
}

export const benchmarkData = JSON.parse(read('data.json')) as BenchmarkData;

export const subgraphNames = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type SubgraphName = (typeof subgraphNames)[number];
