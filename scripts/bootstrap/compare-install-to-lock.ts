/** One entry of a lockfile's `packages` map (npm lockfile v3): the fields that decide what is installed. */
export interface LockedPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  /** npm skips an optional package it cannot install (another platform's binary): its absence is fine. */
  optional?: boolean;
}

/** The part of `package-lock.json` and of npm's record of an install (`node_modules/.package-lock.json`) compared. */
export interface Lockfile {
  packages: Record<string, LockedPackage>;
}

/** Whether an install still matches the lock, and if not the first difference, said for a person. */
export type InstallComparison = { inSync: true } | { inSync: false; reason: string };

const identity = ['version', 'resolved', 'integrity', 'link'] as const;

/**
 * Compares `package-lock.json` with npm's record of what it installed (`node_modules/.package-lock.json`,
 * written by every `npm ci` and `npm install`). In sync when every installed package is on disk and locked
 * with the same version, source and integrity, and every locked package is installed unless it is
 * optional. The root entry (`""`) is skipped: it names the project's own ranges, not what is installed.
 *
 * @param isOnDisk whether the folder of an entry (its key, a path from the project root) exists: npm's
 *   record outlives a folder deleted or never copied (a worktree given only the root `node_modules`).
 */
export function compareInstallToLock(
  lock: Lockfile,
  installed: Lockfile,
  isOnDisk: (key: string) => boolean,
): InstallComparison {
  for (const [key, entry] of Object.entries(installed.packages)) {
    if (key === '') continue;
    const locked = lock.packages[key];
    if (!locked) return { inSync: false, reason: `${key} is installed but no longer in package-lock.json` };
    if (!isOnDisk(key)) return { inSync: false, reason: `${key} is recorded as installed but missing` };
    const field = identity.find((name) => entry[name] !== locked[name]);
    if (field) {
      return {
        inSync: false,
        reason: `${key} is installed with ${field} ${String(entry[field])}, package-lock.json has ${String(locked[field])}`,
      };
    }
  }
  for (const [key, locked] of Object.entries(lock.packages)) {
    if (key === '' || locked.optional || key in installed.packages) continue;
    return { inSync: false, reason: `${key} is in package-lock.json but not installed` };
  }
  return { inSync: true };
}
