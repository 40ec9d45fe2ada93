import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What every gateway process of a run is given. */
export interface GatewayRunContext {
  supergraphFile: string;
  port: number;
  jwtSecret: string;
  internalSecret: string;
}

export interface GatewayVariant {
  /** Short id used in results and in BENCH_GATEWAYS. */
  id: string;
  label: string;
  /** 'all': not pinned (every core), whatever BENCH_GATEWAY_CPUS says. */
  cpus?: 'all';
  /** Node arguments (script and its arguments) and env of its process. */
  command(context: GatewayRunContext): { args: string[]; env: Record<string, string> };
}

const here = import.meta.dirname;
const hiveBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json')),
  'dist/bin.js',
);

const hive = (id: string, label: string, extra: string[]): GatewayVariant => ({
  id,
  label,
  command: ({ supergraphFile, port }) => ({
    args: [hiveBin, 'supergraph', supergraphFile, '--host', '127.0.0.1', '--port', String(port), ...extra],
    env: { NODE_ENV: 'production' },
  }),
});

/** This project's gateway, production configuration, limits raised: one workspace sends everything. */
const ionflux = (id: string, label: string, env: Record<string, string>): GatewayVariant => ({
  id,
  label,
  command: ({ supergraphFile, port, jwtSecret, internalSecret }) => ({
    args: [path.join(here, 'ionflux-gateway-process.ts')],
    env: {
      NODE_ENV: 'production',
      // Access logs off, as the other gateways write none.
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      SUPERGRAPH_FILE: supergraphFile,
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: internalSecret,
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '1000000',
      GATEWAY_WORKSPACE_BURST: '1000000',
      GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '100000',
      ...env,
    },
  }),
});

export const gatewayVariants: readonly GatewayVariant[] = [
  {
    id: 'apollo',
    label: 'stock Apollo Gateway 2.14 in Apollo Server 5',
    command: ({ supergraphFile, port }) => ({
      args: [path.join(here, 'apollo-gateway-process.ts')],
      env: { NODE_ENV: 'production', SUPERGRAPH_FILE: supergraphFile, PORT: String(port) },
    }),
  },
  hive('hive', 'Hive Gateway 2.15, defaults', []),
  hive('hive-jit', 'Hive Gateway 2.15, --jit', ['--jit']),
  hive('hive-bench', 'Hive Gateway 2.15 as the public benchmark runs it (--jit + inbound dedup)', [
    '--jit',
    '--config-path',
    path.join(here, 'hive-gateway-dedup.config.ts'),
  ]),
  ionflux('ionflux', 'this gateway, sharing on (default)', { GATEWAY_SHARING: 'on', GATEWAY_WORKERS: '1' }),
  ionflux('ionflux-unshared', 'this gateway, sharing off', { GATEWAY_SHARING: 'off', GATEWAY_WORKERS: '1' }),
  {
    ...ionflux('ionflux-unshared-2w', 'this gateway, sharing off, 2 workers on 2 cores (unpinned)', {
      GATEWAY_SHARING: 'off',
      GATEWAY_WORKERS: '2',
    }),
    cpus: 'all',
  },
];

export interface GatewayProcess {
  pid: number;
  child: ChildProcess;
  /** The last lines it printed (for a failure report). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a gateway process, pinned to `cpus` with taskset when given. BENCH_PROFILE=1 writes a CPU
 * profile of it under bench-results/profiles when it exits.
 */
export function spawnGateway(
  variant: GatewayVariant,
  context: GatewayRunContext,
  cpus: string | undefined,
): GatewayProcess {
  const { args, env } = variant.command(context);
  const profile = process.env['BENCH_PROFILE']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(here, '../../../bench-results/profiles')}`]
    : [];
  const node = [process.execPath, ...profile, ...args];
  const [command, ...rest] = cpus ? ['taskset', '-c', cpus, ...node] : node;
  const child = spawn(command as string, rest, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString('utf8'));
    if (lines.length > 50) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid ?? -1,
    child,
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // By this child's pid, never by name; SIGINT so a profile is written on the way out.
      child.kill('SIGINT');
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(resolve, 10_000, false)),
      ]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Resolves once `url` answers a GraphQL POST with 200, or rejects after `timeoutMs`. */
export async function waitUntilServing(
  url: string,
  headers: Record<string, string>,
  gateway: GatewayProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gateway.child.exitCode !== null) throw new Error(`gateway exited:\n${gateway.output()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {}
    if (Date.now() > deadline)
      throw new Error(`gateway did not answer within ${timeoutMs} ms:\n${gateway.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
