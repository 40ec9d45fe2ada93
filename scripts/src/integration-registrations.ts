// Every subgraph package's registration (its `./registration` entry), found through the workspaces of
// the root package.json: tools that act across integrations ask each one instead of listing them, so a
// new subgraph is included by being a workspace with that entry.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrationRegistration } from '@ionflux/kit/connections';
import { type EncryptedTable, kitEncryptedTables } from '@ionflux/kit/crypto';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A workspace package and the registration its `./registration` entry exports. */
export interface RegisteredPackage {
  /** The workspace's folder, e.g. `subgraphs/llm`. */
  workspace: string;
  /** Its package name. */
  name: string;
  registration: IntegrationRegistration;
}

interface PackageJson {
  name?: string;
  workspaces?: string[];
  exports?: Record<string, string>;
}

async function readPackageJson(folder: string): Promise<PackageJson> {
  return JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * Imports the registration of every workspace that has a `./registration` export, in the order of the
 * root package.json's `workspaces`. A registration without the expected shape fails naming its package.
 */
export async function loadIntegrationRegistrations(
  options: {
    /** @default the repository's root */
    root?: string;
    /** @default dynamic `import()` */
    importModule?: (specifier: string) => Promise<unknown>;
  } = {},
): Promise<RegisteredPackage[]> {
  const root = options.root ?? repositoryRoot;
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  const { workspaces = [] } = await readPackageJson(root);
  const found: RegisteredPackage[] = [];
  for (const workspace of workspaces) {
    const pkg = await readPackageJson(path.join(root, workspace));
    if (!pkg.name || pkg.exports?.['./registration'] === undefined) continue;
    const module = (await importModule(`${pkg.name}/registration`)) as { registration?: unknown };
    if (!isRegistration(module.registration)) {
      throw new Error(
        `${pkg.name}/registration must export \`registration\`: { subgraph, providers, encryptedTables }`,
      );
    }
    found.push({ workspace, name: pkg.name, registration: module.registration });
  }
  return found;
}

/** What `npm run rotate-keys` re-encrypts: the kit's tables, then each registration's. */
export function encryptedTablesOf(packages: readonly RegisteredPackage[]): EncryptedTable[] {
  return [...kitEncryptedTables, ...packages.flatMap((p) => p.registration.encryptedTables)];
}

function isRegistration(value: unknown): value is IntegrationRegistration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['subgraph'] === 'string' &&
    Array.isArray(record['providers']) &&
    Array.isArray(record['encryptedTables'])
  );
}
