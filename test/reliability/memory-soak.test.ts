import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken } from '@ionflux/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchChild, forkBenchChild } from '../bench/bench-child.ts';
import {
  type RunningBenchmarkSubgraphs,
  startBenchmarkSubgraphs,
} from '../bench/federation/benchmark-subgraphs.ts';
import { benchmarkQuery, benchmarkSupergraph } from '../bench/federation/workload.ts';
import { startLoadLoop } from './support/load-loop.ts';

// The gateway's memory under steady load for RELIABILITY_SOAK_SECONDS (default 600): heap (after two
// full collections) and RSS sampled from its own process, growth from the first samples after a
// warm-up to the last ones reported and bounded. The load mixes the benchmark query (shared and not),
// a small query with varying variables and a query per user, from several callers.

const SECONDS = Number(process.env['RELIABILITY_SOAK_SECONDS'] || 600);
const WARMUP_SECONDS = Math.min(30, Math.max(5, SECONDS / 10));
const MiB = 1024 * 1024;
const jwtSecret = randomBytes(32).toString('base64url');
let directory: string;
let subgraphs: RunningBenchmarkSubgraphs;
let gateway: BenchChild;
let graphqlUrl: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'ionflux-soak-'));
  subgraphs = await startBenchmarkSubgraphs();
  const supergraphFile = path.join(directory, 'supergraph.graphql');
  await writeFile(supergraphFile, benchmarkSupergraph(subgraphs.origin));
  gateway = forkBenchChild('../reliability/support/gateway-process.ts', {
    execArgv: ['--expose-gc'],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      PORT: '0',
      SUPERGRAPH_FILE: supergraphFile,
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '100000',
      GATEWAY_WORKSPACE_BURST: '100000',
    },
  });
  graphqlUrl = (await gateway.ready)['url'] as string;
});

afterAll(async () => {
  await gateway?.request({ kind: 'stop' }).catch(() => {});
  await gateway?.stop({ graceMs: 2000 });
  await subgraphs?.close();
  await rm(directory, { recursive: true, force: true });
});

describe('memory under steady load', () => {
  it(`stays flat over ${SECONDS} s`, async () => {
    const tokens = await Promise.all(
      Array.from({ length: 4 }, () =>
        issueToken({ secret: jwtSecret, workspaceId: randomUUID(), userId: randomUUID() }),
      ),
    );
    const loads = [
      ...tokens.map((token) =>
        startLoadLoop(graphqlUrl, JSON.stringify({ query: benchmarkQuery }), {
          concurrency: 2,
          headers: { authorization: `Bearer ${token}` },
          keep: 'failures',
        }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        startLoadLoop(
          graphqlUrl,
          JSON.stringify({
            query: 'query ($id: ID!) { user(id: $id) { id name reviews { id product { name inStock } } } }',
            variables: { id: String((i % 6) + 1) },
          }),
          {
            concurrency: 1,
            headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
            keep: 'failures',
          },
        ),
      ),
    ];
    const samples: { at: number; heapMiB: number; rssMiB: number }[] = [];
    const started = Date.now();
    const sample = async () => {
      const measured = await gateway.request({ kind: 'measure' });
      samples.push({
        at: Math.round((Date.now() - started) / 1000),
        heapMiB: (measured['heapUsed'] as number) / MiB,
        rssMiB: (measured['rss'] as number) / MiB,
      });
    };
    const every = Math.max(2, Math.round(SECONDS / 30)) * 1000;
    await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
    while (Date.now() - started < (WARMUP_SECONDS + SECONDS) * 1000) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, every));
    }
    await sample();
    const failed = (await Promise.all(loads.map((load) => load.stop()))).flat();
    const answered = loads.reduce((sum, load) => sum + load.answered(), 0);
    const median = (values: number[]) =>
      values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const first = samples.slice(0, 3);
    const last = samples.slice(-3);
    const heapGrowth = median(last.map((s) => s.heapMiB)) - median(first.map((s) => s.heapMiB));
    const rssGrowth = median(last.map((s) => s.rssMiB)) - median(first.map((s) => s.rssMiB));
    const failures = failed.length;
    console.log(
      `memory soak: ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, ${answered} answers (${failures} failed), ` +
        `${samples.length} samples; heap ${median(first.map((s) => s.heapMiB)).toFixed(1)} -> ${median(last.map((s) => s.heapMiB)).toFixed(1)} MiB ` +
        `(${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)}), RSS ${median(first.map((s) => s.rssMiB)).toFixed(1)} -> ` +
        `${median(last.map((s) => s.rssMiB)).toFixed(1)} MiB (${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)})\n` +
        samples.map((s) => `  ${s.at}s heap ${s.heapMiB.toFixed(1)} rss ${s.rssMiB.toFixed(1)}`).join('\n'),
    );
    expect(failures).toBe(0);
    expect(heapGrowth).toBeLessThan(10);
    expect(rssGrowth).toBeLessThan(64);
  });
});
