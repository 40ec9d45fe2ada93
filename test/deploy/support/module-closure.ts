import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** What an entry point loads at run time: the repository's own files and the npm packages they import. */
export interface ImportClosure {
  /** Repository-relative source files, entries included. */
  files: Set<string>;
  /** npm package name → the repository files importing it. */
  packages: Map<string, Set<string>>;
}

interface Workspace {
  dir: string;
  exports: Record<string, string>;
}

// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`. `import type`/`export type`
// statements are erased by type stripping and load nothing.
const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The workspaces of the repository by package name, with their `exports` maps. */
export function readWorkspaces(root: string): Map<string, Workspace> {
  const rootManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const workspaces = new Map<string, Workspace>();
  for (const dir of rootManifest.workspaces) {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, string>;
    };
    workspaces.set(manifest.name, { dir, exports: manifest.exports ?? {} });
  }
  return workspaces;
}

function resolveWorkspaceImport(workspace: Workspace, subpath: string): string | undefined {
  const exact = workspace.exports[subpath];
  if (exact) return path.posix.join(workspace.dir, exact);
  for (const [pattern, target] of Object.entries(workspace.exports)) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= pattern.length - 1) {
      const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
      return path.posix.join(workspace.dir, target.replace('*', matched));
    }
  }
  return undefined;
}

/** The package a bare specifier names: `@scope/name` or `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

/**
 * Follows every static and literal dynamic import from the entries, through relative paths and the
 * workspaces' `exports`, as Node resolves them. Fails on an import it cannot resolve.
 */
export function importClosure(root: string, entries: readonly string[]): ImportClosure {
  const workspaces = readWorkspaces(root);
  const files = new Set<string>();
  const packages = new Map<string, Set<string>>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      if (match[2]) continue;
      const specifier = match[3] ?? match[4] ?? match[5];
      if (!specifier) continue;
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      let target: string | undefined;
      if (specifier.startsWith('.')) {
        target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      } else {
        const name = packageName(specifier);
        const workspace = workspaces.get(name);
        if (!workspace) {
          if (!packages.has(name)) packages.set(name, new Set());
          packages.get(name)?.add(file);
          continue;
        }
        target = resolveWorkspaceImport(workspace, `.${specifier.slice(name.length)}`);
        if (!target) throw new Error(`${file}: ${specifier} is not in ${name}'s exports`);
      }
      if (!existsSync(path.join(root, target)))
        throw new Error(`${file}: ${specifier} resolves to missing ${target}`);
      if (target.endsWith('.ts')) queue.push(target);
    }
  }
  return { files, packages };
}

interface LockEntry {
  link?: boolean;
  resolved?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The package-lock.json locations `npm ci --omit=dev --omit=optional --workspace <dir>` installs: what
 * the workspace needs at run time, through the workspaces it depends on, without packages the lockfile
 * marks dev-only or optional. Locations are lockfile keys (`node_modules/zod`, `gateway/node_modules/x`,
 * and workspace directories).
 */
export function productionInstall(root: string, workspaceDir: string): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const installed = new Set<string>();
  const queue = [workspaceDir];
  for (let location = queue.pop(); location !== undefined; location = queue.pop()) {
    let entry = lock.packages[location];
    if (!entry || installed.has(location)) continue;
    installed.add(location);
    if (entry.link && entry.resolved) {
      location = entry.resolved;
      entry = lock.packages[location];
      if (!entry) continue;
      installed.add(location);
    }
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const names = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
      // npm follows a workspace's devDependencies too, then leaves out what the lockfile marks dev-only.
      ...(location === workspaceDir ? Object.keys(entry.devDependencies ?? {}) : []),
    ];
    for (const name of names) {
      const found = lockLocation(lock.packages, location, name);
      const dependency = found ? lock.packages[found] : undefined;
      if (!found || !dependency || dependency.dev || dependency.optional || dependency.devOptional) continue;
      queue.push(found);
    }
  }
  return installed;
}

/** Where Node finds package `name` from `location`: the nearest node_modules up the tree. */
function lockLocation(packages: Record<string, unknown>, location: string, name: string): string | undefined {
  for (let dir = location; ; ) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (dir === '') return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent >= 0 ? dir.slice(0, parent) : dir.includes('/') ? path.posix.dirname(dir) : '';
    if (dir === '.') dir = '';
  }
}

/** Whether a file importing `name` finds it among the installed locations, as Node would. */
export function findsPackage(installed: ReadonlySet<string>, file: string, name: string): boolean {
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    const base = dir === '.' ? '' : dir;
    if (installed.has(base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`)) return true;
    if (base === '') return false;
  }
}

/** A matcher for .dockerignore patterns (Docker's: anchored at the context root, `**` any depth). */
export function dockerignore(text: string): (file: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (patterns.some((pattern) => pattern.startsWith('!')))
    throw new Error('.dockerignore: ! is not supported here');
  return (file) => {
    const parts = file.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const prefix = parts.slice(0, depth).join('/');
      if (patterns.some((pattern) => path.posix.matchesGlob(prefix, pattern))) return true;
    }
    return false;
  };
}
