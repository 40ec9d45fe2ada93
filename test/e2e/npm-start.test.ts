import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@ionflux/testing/database';
import { postGraphQL } from '@ionflux/testing/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface StartRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function runStart(env: NodeJS.ProcessEnv): StartRun {
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Pids of the service processes `npm start` runs (its node children; PostgreSQL is not one). */
function servicePids(run: StartRun): number[] {
  const children = spawnSync('pgrep', ['-P', String(run.child.pid)], { encoding: 'utf8' }).stdout;
  return children
    .split('\n')
    .map(Number)
    .filter((pid) => pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('/src/main.ts'));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(run: StartRun, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let first: StartRun;
  let gatewayPort: number;
  let externalDatabase: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-start-'));
    const [gateway, llm, shopify, tiktok] = await quietPorts(4);
    gatewayPort = gateway as number;
    env = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      IONFLUX_DATA_DIR: dataDir,
      PORT: String(gatewayPort),
      LLM_SUBGRAPH_PORT: String(llm),
      SHOPIFY_SUBGRAPH_PORT: String(shopify),
      TIKTOK_SUBGRAPH_PORT: String(tiktok),
      SANDBOX_BASE_PORT: '0',
    };
    // With an external server (DATABASE_URL set for the run), npm start gets a database of its own on it.
    if (process.env['DATABASE_URL']) {
      externalDatabase = await createTestDatabase();
      env['DATABASE_URL'] = externalDatabase.url;
    }
    first = runStart(env);
    await waitFor(first, /^ready in [\d.]+ s$/m);
  }, 120_000);

  afterAll(async () => {
    if (first?.child.exitCode === null) {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    await externalDatabase?.drop();
  });

  it('prints every service URL, a development JWT and ready', () => {
    const out = first.output();
    expect(out).toMatch(
      /^sandbox\s+SANDBOX MODE \(no provider credentials are set\): Shopify, TikTok, OpenAI, Anthropic, Gemini/m,
    );
    for (const name of ['postgres', 'sandbox', 'llm', 'shopify', 'tiktok', 'gateway', 'playground']) {
      expect(out).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
    }
    expect(out).toContain(`http://127.0.0.1:${gatewayPort}/graphql`);
    expect(out).toMatch(/^dev JWT\s+workspace [0-9a-f-]{36}, user [0-9a-f-]{36} \(valid 24 hours\)/m);
    // The console link carries the dev JWT in its fragment (never sent to a server).
    const devToken = out.match(/^dev JWT.*\n(\S+)$/m)?.[1];
    expect(devToken).toMatch(/^eyJ/);
    expect(out).toContain(`console    http://127.0.0.1:${gatewayPort}/console#token=${devToken}`);
    // Nothing about admin ports unless ADMIN_PORT is set.
    expect(out).not.toMatch(/^admin\s/m);
  });

  it('gives IONFLUX_INTERNAL_SECRET to the gateway only; subgraphs get the public key npm run token prints', async () => {
    const environOf = (pid: number) =>
      Object.fromEntries(
        readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
      ) as Record<string, string>;
    const printed = spawnSync(process.execPath, ['scripts/token.ts', '--identity-public-key'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(printed.status).toBe(0);
    const publicKey = printed.stdout.trim();
    expect(publicKey).toMatch(/^[\w-]{43}$/);
    const services = servicePids(first).map((pid) => ({
      entry: readFileSync(`/proc/${pid}/cmdline`, 'utf8'),
      env: environOf(pid),
    }));
    expect(services).toHaveLength(4);
    for (const service of services) {
      if (service.entry.includes('gateway/src/main.ts')) {
        expect(service.env['IONFLUX_INTERNAL_SECRET'], service.entry).toMatch(/.{32,}/);
      } else {
        expect(service.env['IONFLUX_INTERNAL_SECRET'], service.entry).toBeUndefined();
        expect(service.env['IONFLUX_IDENTITY_PUBLIC_KEY'], service.entry).toBe(publicKey);
      }
    }
  });

  it('answers a query with the printed JWT with data from all three subgraphs', async () => {
    const token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/m.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const { status, body } = await postGraphQL(
      `http://127.0.0.1:${gatewayPort}`,
      '{ llmProviders { id usable } shopifyConnections { id } tiktokConnections { id } integrationConnections { id } }',
      { token: token ?? '' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      // The sandbox's keys are the central keys: every provider is usable out of the box.
      llmProviders: [
        { id: 'OPENAI', usable: true },
        { id: 'CLAUDE', usable: true },
        { id: 'GEMINI', usable: true },
      ],
      shopifyConnections: [],
      tiktokConnections: [],
      integrationConnections: [],
    });
  });

  it('refuses a second start on the same data directory, saying which instance runs', async () => {
    const second = runStart(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/IONFLUX is already running .*pid \d+/);
    expect(second.output()).toContain(`http://127.0.0.1:${gatewayPort}`);
  });

  it('stops everything on SIGTERM: services, PostgreSQL, the lock', async () => {
    const services = servicePids(first);
    const lockFile = path.join(dataDir, 'ionflux.lock');
    expect(existsSync(lockFile)).toBe(true);
    const postmasterPid = externalDatabase
      ? undefined
      : Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${gatewayPort}/healthz`)).rejects.toThrow();
    if (postmasterPid) expect(() => process.kill(postmasterPid, 0)).toThrow();
    for (const pid of services) expect(() => process.kill(pid, 0), `service ${pid}`).toThrow();
  });

  it('leaves no service running when npm start itself is killed with SIGKILL', async () => {
    const killed = runStart(env);
    await waitFor(killed, /^ready in [\d.]+ s$/m);
    const services = servicePids(killed);
    expect(services).toHaveLength(4);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const deadline = Date.now() + 20_000;
    while (services.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(services.filter(isAlive)).toEqual([]);
    // The PostgreSQL it orphaned is stopped by the next start, which proves the directory usable again.
    const next = runStart(env);
    await waitFor(next, /^ready in [\d.]+ s$/m);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    // Two whole starts and the services' own exit: about 28 s here, more on a busy machine.
  }, 120_000);

  it('with ADMIN_PORT, serves /readyz and /metrics on admin ports (gateway ADMIN_PORT, subgraphs the next three) and prints them', async () => {
    const publicPorts = [
      gatewayPort,
      ...['LLM', 'SHOPIFY', 'TIKTOK'].map((n) => Number(env[`${n}_SUBGRAPH_PORT`])),
    ];
    const adminPort = await freePortRun(4, publicPorts);
    const run = runStart({ ...env, ADMIN_PORT: String(adminPort) });
    try {
      await waitFor(run, /^ready in [\d.]+ s$/m);
      const names = ['gateway', 'llm', 'shopify', 'tiktok'];
      const admin = names.map((name, i) => `${name} http://127.0.0.1:${adminPort + i}`).join(', ');
      expect(run.output()).toContain(`/readyz and /metrics: ${admin}`);
      for (const [i, port] of publicPorts.entries()) {
        const hidden = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(hidden.status, names[i]).toBe(404);
        await hidden.body?.cancel();
        const ready = await fetch(`http://127.0.0.1:${adminPort + i}/readyz`);
        expect(ready.status, names[i]).toBe(200);
        await ready.body?.cancel();
      }
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await expect(fetch(`http://127.0.0.1:${adminPort}/healthz`)).rejects.toThrow();
  }, 120_000);
});

/**
 * The first port the kernel may hand to an outgoing connection or a listener on port 0. A port chosen
 * inside that range can be taken by any other test's connection between the check and npm start's
 * listen (it was: EADDRINUSE on an admin port in CI); one below it is only ever taken on purpose.
 */
function ephemeralPortsStart(): number {
  try {
    return (
      Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768
    );
  } catch {
    return 32_768;
  }
}

/** A port such that it and the next `count - 1` are free right now, none of them in `taken`, all below the ephemeral range. */
async function freePortRun(count: number, taken: readonly number[]): Promise<number> {
  const below = ephemeralPortsStart();
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 10_000 + Math.floor(Math.random() * (below - 10_000 - count));
    if (taken.some((port) => port >= base && port < base + count)) continue;
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no run of ${count} free ports found below ${below}`);
}

/** `count` distinct free ports below the ephemeral range. */
async function quietPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) ports.push(await freePortRun(1, ports));
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
