import { describe, expect, it } from 'vitest';
import { compareInstallToLock, type Lockfile } from './compare-install-to-lock.ts';

const lock: Lockfile = {
  packages: {
    '': { version: '0.0.0' },
    'node_modules/vitest': { version: '5.1.1', integrity: 'sha512-a' },
    'node_modules/@ionflux/kit': { resolved: 'subgraphs/kit', link: true },
    'node_modules/@biomejs/cli-darwin-arm64': { version: '2.6.8', optional: true },
  },
};
const installed: Lockfile = {
  packages: {
    'node_modules/vitest': { version: '5.1.1', integrity: 'sha512-a' },
    'node_modules/@ionflux/kit': { resolved: 'subgraphs/kit', link: true },
  },
};

const onDisk = () => true;

describe('compareInstallToLock', () => {
  it("is in sync when only the root entry and another platform's optional packages are not installed", () => {
    expect(compareInstallToLock(lock, installed, onDisk)).toEqual({ inSync: true });
  });

  it('names a locked package that is not installed', () => {
    const added = { packages: { ...lock.packages, 'node_modules/zod': { version: '4.1.0' } } };
    expect(compareInstallToLock(added, installed, onDisk)).toEqual({
      inSync: false,
      reason: 'node_modules/zod is in package-lock.json but not installed',
    });
  });

  it('names an installed package the lock no longer has', () => {
    const { 'node_modules/vitest': _, ...rest } = lock.packages;
    expect(compareInstallToLock({ packages: rest }, installed, onDisk)).toEqual({
      inSync: false,
      reason: 'node_modules/vitest is installed but no longer in package-lock.json',
    });
  });

  it('names a package installed from another source or with another integrity', () => {
    const relinked = {
      packages: { ...lock.packages, 'node_modules/@ionflux/kit': { resolved: 'kit', link: true } },
    };
    expect(compareInstallToLock(relinked, installed, onDisk)).toEqual({
      inSync: false,
      reason: 'node_modules/@ionflux/kit is installed with resolved subgraphs/kit, package-lock.json has kit',
    });
    const repacked = {
      packages: { ...lock.packages, 'node_modules/vitest': { version: '5.1.1', integrity: 'sha512-b' } },
    };
    expect(compareInstallToLock(repacked, installed, onDisk)).toMatchObject({ inSync: false });
  });

  it('names a package npm recorded as installed whose folder is missing', () => {
    expect(compareInstallToLock(lock, installed, (key) => key !== 'node_modules/@ionflux/kit')).toEqual({
      inSync: false,
      reason: 'node_modules/@ionflux/kit is recorded as installed but missing',
    });
  });
});
