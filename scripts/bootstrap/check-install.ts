// Run by scripts/bootstrap.sh when package-lock.json or node_modules changed since its last look: exits 0
// when node_modules still matches package-lock.json, else 1 with the first difference on stdout.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareInstallToLock, type InstallComparison, type Lockfile } from './compare-install-to-lock.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function readLockfile(path: string): Lockfile | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(`${root}${path}`, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'packages' in parsed) {
      const { packages } = parsed;
      if (typeof packages === 'object' && packages !== null) return { packages } as Lockfile;
    }
  } catch {
    // Missing or not JSON: reported below like any other mismatch.
  }
  return undefined;
}

const lock = readLockfile('package-lock.json');
const installed = readLockfile('node_modules/.package-lock.json');
const comparison: InstallComparison =
  lock && installed
    ? compareInstallToLock(lock, installed, (key) => existsSync(`${root}${key}`))
    : {
        inSync: false,
        reason: `${lock ? 'node_modules/.package-lock.json' : 'package-lock.json'} is unreadable`,
      };
if (!comparison.inSync) {
  console.log(comparison.reason);
  process.exitCode = 1;
}
