import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** The Debian packages `npm test` needs, in the order bootstrap.sh names them. */
const TEST_PACKAGES = 'chromium firefox-esr webkit2gtk-driver xvfb postgresql nats-server';

// scripts/bootstrap.sh runs for real against a scratch project on a scratch machine: PATH holds only
// recording stand-ins for node 20, npm, dpkg-query, apt-get and id (plus the few utilities the script
// uses), so each test sees exactly what the script decided to install and what it skipped. The Node.js
// it "installs" is this test's own Node 24, linked into a scratch prefix.
const repo = fileURLToPath(new URL('../..', import.meta.url));
const nodeArch = process.arch === 'arm64' ? 'arm64' : 'x64';

const lock = {
  name: 'scratch',
  lockfileVersion: 3,
  packages: {
    '': { name: 'scratch', devDependencies: { vitest: '5.1.1' } },
    'node_modules/vitest': { version: '5.1.1', integrity: 'sha512-a' },
    'node_modules/@biomejs/cli-darwin-arm64': { version: '2.6.8', optional: true },
  },
};

interface Machine {
  dir: string;
  root: string;
  prefix: string;
  bin: string;
  /** Runs `sh scripts/bootstrap.sh <args>` with this machine's PATH. */
  run(
    args: string[],
    env?: Record<string, string>,
  ): { status: number | null; stdout: string; stderr: string };
  /** Installs the packages of package-lock.json as `npm install` would, behind the script's back. */
  npmInstall(): void;
  /** What the stand-ins were asked to do since the last call, one line per call. */
  calls(): string[];
}

function script(file: string, body: string): void {
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

async function createMachine(options: {
  debianPackages: string;
  pathNode?: 'v20' | 'v24';
}): Promise<Machine> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ionflux-bootstrap-'));
  const root = path.join(dir, 'project');
  const prefix = path.join(dir, 'prefix');
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'calls.log');
  mkdirSync(path.join(root, 'scripts', 'bootstrap'), { recursive: true });
  mkdirSync(bin);
  copyFileSync(path.join(repo, 'scripts/bootstrap.sh'), path.join(root, 'scripts/bootstrap.sh'));
  for (const file of ['check-install.ts', 'compare-install-to-lock.ts']) {
    copyFileSync(path.join(repo, 'scripts/bootstrap', file), path.join(root, 'scripts/bootstrap', file));
  }
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock, null, 2));
  for (const tool of ['dirname', 'cksum', 'uname', 'sh', 'true', 'echo']) {
    const real = ['/usr/bin', '/bin'].map((dir) => path.join(dir, tool)).find((file) => existsSync(file));
    if (!real) throw new Error(`${tool} is in neither /usr/bin nor /bin`);
    symlinkSync(real, path.join(bin, tool));
  }
  if (options.pathNode === 'v24') symlinkSync(process.execPath, path.join(bin, 'node'));
  else script(path.join(bin, 'node'), 'echo v20.20.2');
  // What npm ci leaves: each locked package's folder and npm's record of them, without the root entry and
  // the optional packages of other platforms.
  const recordInstall = path.join(dir, 'record-install.mjs');
  writeFileSync(
    recordInstall,
    `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const { packages } = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const installed = Object.entries(packages).filter(([key, entry]) => key !== '' && !entry.optional);
for (const [key] of installed) mkdirSync(key, { recursive: true });
writeFileSync('node_modules/.package-lock.json', JSON.stringify({ packages: Object.fromEntries(installed) }));`,
  );
  // npm: installing node-linux-*@24 links this test's Node into the prefix; `ci` records an install the
  // way npm does (node_modules/.package-lock.json) unless FAKE_NPM_FAIL names the command.
  script(
    path.join(bin, 'npm'),
    `echo "npm $*" >> ${log}
case "$1" in
  install)
    [ "$FAKE_NPM_FAIL" = install ] && { echo "npm error EACCES" >&2; exit 243; }
    /bin/mkdir -p "$4/bin" && /bin/ln -sf ${process.execPath} "$4/bin/node" ;;
  ci)
    [ "$FAKE_NPM_FAIL" = ci ] && { echo "npm error ETARGET" >&2; exit 1; }
    ${process.execPath} ${recordInstall} ;;
esac`,
  );
  script(
    path.join(bin, 'dpkg-query'),
    `for p in $FAKE_DEBIAN_INSTALLED; do echo "$p ii "; done
for p in ${TEST_PACKAGES}; do case " $FAKE_DEBIAN_INSTALLED " in *" $p "*) ;; *) echo "dpkg-query: no packages found matching $p" >&2 ;; esac; done`,
  );
  script(path.join(bin, 'apt-get'), `echo "apt-get $*" >> ${log}`);
  script(path.join(bin, 'id'), 'echo "$FAKE_UID"');

  return {
    dir,
    root,
    prefix,
    bin,
    run(args, env = {}) {
      const result = spawnSync('/bin/sh', [path.join(root, 'scripts/bootstrap.sh'), ...args], {
        encoding: 'utf8',
        env: {
          PATH: bin,
          IONFLUX_NODE_PREFIX: prefix,
          FAKE_DEBIAN_INSTALLED: options.debianPackages,
          FAKE_UID: '0',
          ...env,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    npmInstall() {
      spawnSync(process.execPath, [recordInstall], { cwd: root });
    },
    calls() {
      if (!existsSync(log)) return [];
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      writeFileSync(log, '');
      return lines.filter(Boolean);
    },
  };
}

const printNode = ['node', '-e', 'console.log(process.version, process.env.PATH)'];

describe('scripts/bootstrap.sh', () => {
  let machine: Machine;
  afterEach(async () => {
    await rm(machine.dir, { recursive: true, force: true });
  });

  describe('on a fresh machine (node 20, no Node 24, no Debian packages, no node_modules)', () => {
    beforeEach(async () => {
      machine = await createMachine({ debianPackages: '' });
    });

    it('npm test installs Node 24, the Debian packages and the npm packages, then runs the command on Node 24', () => {
      const result = machine.run(['test', ...printNode]);
      expect(result.stderr).toContain(`installing Node.js 24 into ${machine.prefix}`);
      expect(result.stderr).toContain(`installing Debian packages: ${TEST_PACKAGES}`);
      expect(result.stderr).toContain('no npm packages installed yet: npm ci');
      expect(machine.calls()).toEqual([
        `npm install --global --prefix ${machine.prefix} --no-audit --no-fund node-linux-${nodeArch}@24`,
        'apt-get update -qq',
        `apt-get install -y -qq --no-install-recommends ${TEST_PACKAGES}`,
        'npm ci --no-audit --no-fund',
      ]);
      expect(result.status).toBe(0);
      const [version, pathValue] = result.stdout.trim().split(' ');
      expect(version).toBe(process.version);
      expect(pathValue?.split(':').slice(0, 3)).toEqual([
        path.join(machine.root, 'node_modules/.bin'),
        path.join(machine.prefix, 'bin'),
        machine.bin,
      ]);
    });

    it('npm start installs Node 24 and the npm packages but no Debian packages', () => {
      const result = machine.run(['start', 'true']);
      expect(result.status).toBe(0);
      expect(machine.calls()).toEqual([
        `npm install --global --prefix ${machine.prefix} --no-audit --no-fund node-linux-${nodeArch}@24`,
        'npm ci --no-audit --no-fund',
      ]);
    });

    it('refuses, naming the apt-get command, when a Debian package is missing and it is not root', () => {
      const result = machine.run(['test', 'echo', 'ran'], { FAKE_UID: '1000' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `the tests need the Debian packages ${TEST_PACKAGES}; as root: apt-get update && apt-get install --no-install-recommends ${TEST_PACKAGES}`,
      );
      expect(result.stdout).toBe('');
      expect(machine.calls()).not.toContain('npm ci --no-audit --no-fund');
    });

    it('stops with a way out when Node 24 cannot be installed, and runs nothing else', () => {
      const result = machine.run(['start', 'echo', 'ran'], { FAKE_NPM_FAIL: 'install' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`could not install Node.js 24 into ${machine.prefix}`);
      expect(result.stderr).toContain('set IONFLUX_NODE_PREFIX');
      expect(result.stdout).toBe('');
      expect(machine.calls()).toHaveLength(1);
    });

    it('stops when npm ci fails, runs no command, and installs again next time', () => {
      const failed = machine.run(['start', 'echo', 'ran'], { FAKE_NPM_FAIL: 'ci' });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('npm ci failed');
      expect(failed.stdout).toBe('');
      expect(existsSync(path.join(machine.root, 'node_modules/.ionflux-setup'))).toBe(false);
      machine.calls();
      const retried = machine.run(['start', 'echo', 'ran']);
      expect(retried.stdout).toBe('ran\n');
      expect(machine.calls()).toEqual(['npm ci --no-audit --no-fund']);
    });
  });

  describe('on a machine that has everything', () => {
    beforeEach(async () => {
      machine = await createMachine({ debianPackages: TEST_PACKAGES });
      expect(machine.run(['test']).status).toBe(0);
      machine.calls();
    });

    it('only runs the command, with its arguments and exit status, on Node 24', () => {
      const result = machine.run(['test', 'sh', '-c', 'echo "$@"; exit 3', 'npm-test', 'gateway/', '--bail']);
      expect(result).toEqual({ status: 3, stdout: 'gateway/ --bail\n', stderr: '' });
      expect(machine.calls()).toEqual([]);
      expect(machine.run(['start', ...printNode]).stdout).toContain(process.version);
    });

    it('runs npm ci again when package-lock.json changed since the last install', () => {
      const lockFile = path.join(machine.root, 'package-lock.json');
      const changed = structuredClone(lock);
      changed.packages['node_modules/vitest'] = { version: '5.2.0', integrity: 'sha512-b' };
      writeFileSync(lockFile, JSON.stringify(changed, null, 2));
      const result = machine.run(['start', 'true']);
      expect(result.stderr).toContain(
        'node_modules/vitest is installed with version 5.1.1, package-lock.json has 5.2.0: npm ci',
      );
      expect(machine.calls()).toEqual(['npm ci --no-audit --no-fund']);
      expect(machine.run(['start', 'true']).stderr).toBe('');
      expect(machine.calls()).toEqual([]);
    });

    it("takes a developer's own npm install, or a lock rewritten with the same packages, as installed", () => {
      const lockFile = path.join(machine.root, 'package-lock.json');
      // `npm install` rewrote both the lock and npm's record of the install.
      const installed = structuredClone(lock);
      installed.packages['node_modules/vitest'] = { version: '5.2.0', integrity: 'sha512-b' };
      writeFileSync(lockFile, JSON.stringify(installed, null, 2));
      machine.npmInstall();
      expect(machine.run(['start', 'true']).stderr).toBe('');
      // A checkout that rewrites the lock with another formatting but the same packages.
      writeFileSync(lockFile, JSON.stringify(installed));
      expect(machine.run(['start', 'true']).stderr).toBe('');
      expect(machine.calls()).toEqual([]);
    });
  });

  it('adopts an install it did not make only when every package npm recorded is on disk', async () => {
    machine = await createMachine({ debianPackages: '' });
    expect(machine.run(['start']).status).toBe(0);
    machine.calls();
    // node_modules copied from another checkout: npm's record, no stamp, one package folder not copied.
    rmSync(path.join(machine.root, 'node_modules/.ionflux-setup'));
    expect(machine.run(['start']).stderr).toBe('');
    expect(machine.calls()).toEqual([]);
    rmSync(path.join(machine.root, 'node_modules/.ionflux-setup'));
    rmSync(path.join(machine.root, 'node_modules/vitest'), { recursive: true });
    const result = machine.run(['start']);
    expect(result.stderr).toBe('setup: node_modules/vitest is recorded as installed but missing: npm ci\n');
    expect(machine.calls()).toEqual(['npm ci --no-audit --no-fund']);
  });

  it('uses a node on PATH that is already 24 and installs none', async () => {
    machine = await createMachine({ debianPackages: TEST_PACKAGES, pathNode: 'v24' });
    const result = machine.run(['test', ...printNode]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(process.version);
    expect(machine.calls()).toEqual(['npm ci --no-audit --no-fund']);
    expect(existsSync(machine.prefix)).toBe(false);
  });

  it('refuses an unknown mode with its usage', async () => {
    machine = await createMachine({ debianPackages: '' });
    const result = machine.run(['install']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('setup: usage: sh scripts/bootstrap.sh start|test [command [arg...]]\n');
    expect(machine.calls()).toEqual([]);
  });
});
