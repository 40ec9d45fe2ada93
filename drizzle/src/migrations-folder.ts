import { fileURLToPath } from 'node:url';

/** The table sets, one per subgraph plus the kit's; each has its own migration history. */
export const tableSets = ['kit', 'llm', 'shopify', 'tiktok'] as const;
export type TableSet = (typeof tableSets)[number];

/** Where drizzle-kit wrote the SQL migrations of a table set (the kit's `MigrationSet` shape). */
export function migrationSet(name: TableSet): { name: TableSet; folder: string } {
  return { name, folder: fileURLToPath(new URL(`../migrations/${name}`, import.meta.url)) };
}
