import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken } from '@ionflux/gateway';
import { freePort } from '@ionflux/kit/server';
import { type BenchChild, forkBenchChild } from '../bench-child.ts';
import { type BenchSettings, benchSettings } from './bench-settings.ts';
import { compareAnswers, postGraphQL } from './compare-answers.ts';
import {
  type GatewayProcess,
  type GatewayRunContext,
  type GatewayVariant,
  spawnGateway,
  waitUntilServing,
} from './gateway-variants.ts';
import { canPin, machineBusyMs, ownCpuMs, pin, treeCpuMs, waitForQuietMachine } from './machine.ts';
import { runLoad } from './run-load.ts';
import { runPreciseLoad } from './run-precise-load.ts';
import { benchmarkSupergraph, type SubgraphName } from './workload.ts';

export interface Measurement {
  gateway: string;
  round: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  bytesPerResponse: number;
  /** Gateway CPU (its process tree) per response, in ms. */
  cpuMsPerResponse: number;
  /** Gateway CPU over the run, in % of one core. */
  gatewayCpuPercent: number;
  subgraphRequestsPerResponse: number;
  /** Machine CPU used by none of the gateway, subgraphs and load generator, in % of one core. */
  foreignCpuPercent: number;
  quiet: { quiet: boolean; waitedSeconds: number; busyPercentOfOneCore: number; loadAverage1m: number };
}

/**
 * The benchmark's fixed parts: the subgraphs process (pinned off the gateway's CPUs, with this process,
 * the load generator), the supergraph routed to it, a caller token, and a way to start, check and
 * measure one gateway process at a time.
 */
export async function startBenchSystem(settings: BenchSettings = benchSettings()) {
  const pinning = canPin();
  if (pinning) pin(process.pid, settings.otherCpus);
  const subgraphs: BenchChild = forkBenchChild('federation/subgraphs-process.ts');
  const ready = await subgraphs.ready;
  const subgraphsPid = subgraphs.process.pid ?? -1;
  if (pinning) pin(subgraphsPid, settings.otherCpus);
  const origin = ready['origin'] as string;
  const directory = await mkdtemp(path.join(tmpdir(), 'ionflux-bench-'));
  const supergraphFile = path.join(directory, 'supergraph.graphql');
  await writeFile(supergraphFile, benchmarkSupergraph(origin));
  const jwtSecret = randomBytes(32).toString('base64url');
  const internalSecret = randomBytes(32).toString('base64url');
  const token = await issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() });
  const headers = { authorization: `Bearer ${token}` };

  const counts = async () =>
    (await subgraphs.request({ kind: 'counts' }))['counts'] as Record<SubgraphName, number>;
  const totalCount = async () => Object.values(await counts()).reduce((sum, n) => sum + n, 0);

  return {
    pinning,
    subgraphUrls: ready['urls'] as Record<SubgraphName, string>,
    headers,
    counts,

    /** Starts `variant` on a free port, pinned to `cpus` (unpinned when undefined), serving. */
    async startGateway(variant: GatewayVariant, cpus: string | undefined) {
      const context: GatewayRunContext = {
        supergraphFile,
        port: await freePort(),
        jwtSecret,
        internalSecret,
      };
      const pinTo = pinning && variant.cpus !== 'all' ? cpus : undefined;
      const gateway: GatewayProcess = spawnGateway(variant, context, pinTo);
      const url = `http://127.0.0.1:${context.port}/graphql`;
      try {
        await waitUntilServing(url, headers, gateway);
      } catch (error) {
        await gateway.stop();
        throw error;
      }
      return { gateway, url };
    },

    /** The gateway's answer to `query`, compared with `reference` when given. */
    async check(url: string, query: string, reference?: string) {
      const { status, body } = await postGraphQL(url, { query }, headers);
      return { status, body, match: reference === undefined ? undefined : compareAnswers(reference, body) };
    },

    /** Warm-up, a wait for a quiet machine, then `seconds` of load from `connections` connections. */
    async measure(
      gateway: GatewayProcess,
      url: string,
      body: string,
      load: {
        connections: number;
        seconds: number;
        warmupSeconds: number;
        round: number;
        name: string;
        /** Microsecond latencies (own client) instead of autocannon's whole milliseconds. @default false */
        precise?: boolean;
      },
    ): Promise<Measurement> {
      const generate = load.precise ? runPreciseLoad : runLoad;
      if (load.warmupSeconds > 0) {
        await generate(url, body, { connections: load.connections, seconds: load.warmupSeconds, headers });
      }
      const quiet = await waitForQuietMachine([gateway.pid, subgraphsPid], {
        maxBusyPercent: settings.quietBusyPercent,
        maxWaitSeconds: settings.quietMaxWaitSeconds,
      });
      const before = {
        gateway: treeCpuMs(gateway.pid),
        subgraphs: treeCpuMs(subgraphsPid),
        own: ownCpuMs(),
        machine: machineBusyMs(),
        requests: await totalCount(),
        at: performance.now(),
      };
      const result = await generate(url, body, {
        connections: load.connections,
        seconds: load.seconds,
        headers,
      });
      const after = {
        gateway: treeCpuMs(gateway.pid),
        subgraphs: treeCpuMs(subgraphsPid),
        own: ownCpuMs(),
        machine: machineBusyMs(),
        requests: await totalCount(),
        at: performance.now(),
      };
      const elapsedMs = after.at - before.at;
      const gatewayMs = after.gateway - before.gateway;
      const foreignMs =
        after.machine -
        before.machine -
        gatewayMs -
        (after.subgraphs - before.subgraphs) -
        (after.own - before.own);
      const responses = Math.max(1, result.responses);
      return {
        gateway: load.name,
        round: load.round,
        connections: load.connections,
        seconds: load.seconds,
        requestsPerSecond: result.requestsPerSecond,
        p50Ms: result.p50Ms,
        p99Ms: result.p99Ms,
        failures: result.failures,
        bytesPerResponse: result.bytesPerResponse,
        cpuMsPerResponse: gatewayMs / responses,
        gatewayCpuPercent: (gatewayMs / elapsedMs) * 100,
        subgraphRequestsPerResponse: (after.requests - before.requests) / responses,
        foreignCpuPercent: Math.max(0, (foreignMs / elapsedMs) * 100),
        quiet,
      };
    },

    async close() {
      await subgraphs.request({ kind: 'stop' }).catch(() => {});
      await subgraphs.stop({ graceMs: 2000 });
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export type BenchSystem = Awaited<ReturnType<typeof startBenchSystem>>;
