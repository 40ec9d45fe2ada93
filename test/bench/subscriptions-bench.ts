// `npm run bench -- subscriptions` (or `node test/bench/subscriptions-bench.ts`): federated subscriptions
// through one gateway process. 1,000 graphql-ws subscribers across 100 workspaces (10 per workspace, all
// on their workspace's brand), events published by the orders subgraph and each selecting `brandName`,
// which the catalog subgraph resolves per event. Three processes: this one (the clients), the gateway,
// the subgraphs + publisher, so the gateway's CPU and memory are its own.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { issueToken } from '@ionflux/gateway';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { forkBenchChild } from './bench-child.ts';

const SUBSCRIBERS = 1000;
const WORKSPACES = 100;
const TARGET_EVENTS_PER_SECOND = 200;
const QUERY =
  'subscription ($brandId: ID!) { orderPlaced(brandId: $brandId) { id total publishedAt brandName } }';

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Phase {
  name: string;
  targetEventsPerSecond: number;
  eventsPublished: number;
  expectedDeliveries: number;
  deliveries: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  gatewayCpuPercent: number;
}

export async function runScenario(
  shareScope: 'workspace' | 'user',
  phases: readonly { rate: number; seconds: number; warmup?: boolean }[],
) {
  const jwtSecret = randomBytes(32).toString('base64url');
  const internalSecret = randomBytes(32).toString('base64url');
  const env = { BENCH_JWT_SECRET: jwtSecret, BENCH_INTERNAL_SECRET: internalSecret };
  const subgraphs = forkBenchChild('subscriptions-bench-subgraphs.ts', { env });
  const gateway = forkBenchChild('subscriptions-bench-gateway.ts', { env, execArgv: ['--expose-gc'] });
  const clients: Client[] = [];
  try {
    const ready = await subgraphs.ready;
    await gateway.ready;
    const started = await gateway.request({
      kind: 'start',
      supergraphSdl: ready['supergraphSdl'],
      subgraphUrls: ready['subgraphUrls'],
      shareScope,
    });
    const gatewayUrl = started['url'] as string;
    const baseline = await gateway.request({ kind: 'measure' });

    const workspaces = Array.from(
      { length: WORKSPACES },
      () => [randomUUID(), randomUUID()] as [string, string],
    );
    let latencies: number[] = [];
    let record = true;
    // Only events published during the phase count: a backlog left by an overloaded phase is not the next one's.
    let phaseStartedAt = 0;
    const subscribed: Promise<void>[] = [];
    for (let batch = 0; batch < SUBSCRIBERS; batch += 100) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const [workspaceId, brandId] = workspaces[(batch + i) % WORKSPACES] as [string, string];
          const token = await issueToken({ secret: jwtSecret, workspaceId, userId: randomUUID() });
          const client = createClient({
            url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            retryAttempts: 0,
            connectionParams: { authorization: `Bearer ${token}` },
          });
          clients.push(client);
          subscribed.push(
            new Promise((resolve) => {
              client.on('connected', () => resolve());
            }),
          );
          client.subscribe<{ orderPlaced: { publishedAt: number } }>(
            { query: QUERY, variables: { brandId } },
            {
              next: (result) => {
                const publishedAt = result.data?.orderPlaced.publishedAt;
                if (record && publishedAt !== undefined && publishedAt >= phaseStartedAt) {
                  latencies.push(Date.now() - publishedAt);
                }
              },
              error: (error) => console.error('subscription failed', error),
              complete: () => {},
            },
          );
        }),
      );
    }
    await Promise.all(subscribed);
    // Let the gateway open every upstream subscription before measuring.
    for (let i = 0; i < 100; i++) {
      const measured = await gateway.request({ kind: 'measure' });
      const stats = measured['stats'] as { subscribers: number };
      if (stats.subscribers === SUBSCRIBERS) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const idle = await gateway.request({ kind: 'measure' });
    const idleStats = idle['stats'] as { upstreamSubscriptions: number; upstreamConnections: number };

    const results: Phase[] = [];
    for (const phase of phases) {
      latencies = [];
      record = true;
      phaseStartedAt = Date.now();
      const before = await gateway.request({ kind: 'measure' });
      const published = await subgraphs.request({
        kind: 'publish',
        ratePerSecond: phase.rate,
        durationMs: phase.seconds * 1000,
        brands: workspaces,
      });
      // Drain: wait until deliveries stop arriving (at most 3 s).
      let last = -1;
      for (let i = 0; i < 30 && latencies.length !== last; i++) {
        last = latencies.length;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const after = await gateway.request({ kind: 'measure' });
      record = false;
      if (phase.warmup) continue;
      const sent = published['sent'] as number;
      const sorted = latencies.slice().sort((a, b) => a - b);
      const cpuBefore = before['cpu'] as NodeJS.CpuUsage;
      const cpuAfter = after['cpu'] as NodeJS.CpuUsage;
      const cpuMs = (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000;
      results.push({
        name: `${phase.rate} events/s`,
        targetEventsPerSecond: phase.rate,
        eventsPublished: sent,
        expectedDeliveries: sent * (SUBSCRIBERS / WORKSPACES),
        deliveries: latencies.length,
        deliveriesPerSecond: round(latencies.length / phase.seconds),
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted.at(-1) ?? Number.NaN,
        gatewayCpuPercent: round((cpuMs / (phase.seconds * 1000)) * 100),
      });
    }
    return {
      shareScope,
      upstreamSubscriptions: idleStats.upstreamSubscriptions,
      upstreamConnections: idleStats.upstreamConnections,
      idleHeapKiBPer1000: round(
        ((idle['heapUsed'] as number) - (baseline['heapUsed'] as number)) / 1024 / (SUBSCRIBERS / 1000),
      ),
      idleRssKiBPer1000: round(
        ((idle['rss'] as number) - (baseline['rss'] as number)) / 1024 / (SUBSCRIBERS / 1000),
      ),
      phases: results,
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    // Asked to stop, each child closes and exits by itself (writing its profile); killed if it does not.
    await gateway.request({ kind: 'stop' }).catch(() => {});
    await gateway.stop({ graceMs: 2000 });
    await subgraphs.request({ kind: 'stop' }).catch(() => {});
    await subgraphs.stop({ graceMs: 2000 });
  }
}

export async function run(): Promise<void> {
  const started = Date.now();
  // The target load, then higher rates to find what one gateway process sustains.
  // Each scenario starts with a warm-up (JIT, connection pools, plan cache) that is not reported.
  const shared = await runScenario('workspace', [
    { rate: TARGET_EVENTS_PER_SECOND, seconds: 3, warmup: true },
    { rate: TARGET_EVENTS_PER_SECOND, seconds: 15 },
    { rate: 600, seconds: 8 },
    { rate: 1200, seconds: 8 },
    { rate: 2400, seconds: 8 },
  ]);
  // Same subscribers without sharing: one upstream subscription and one execution per subscriber.
  const unshared = await runScenario('user', [
    { rate: 100, seconds: 3, warmup: true },
    { rate: 100, seconds: 8 },
    { rate: TARGET_EVENTS_PER_SECOND, seconds: 8 },
  ]);
  const rows = [shared, unshared].flatMap((scenario) =>
    scenario.phases.map((phase) => ({
      sharing: scenario.shareScope === 'workspace' ? 'per workspace' : 'none',
      load: phase.name,
      'deliveries/s': phase.deliveriesPerSecond,
      delivered: `${phase.deliveries}/${phase.expectedDeliveries}`,
      'p50 ms': phase.p50Ms,
      'p99 ms': phase.p99Ms,
      'gateway CPU %': phase.gatewayCpuPercent,
    })),
  );
  console.log(
    `\nFederated subscriptions: ${SUBSCRIBERS} subscribers, ${WORKSPACES} workspaces, each event selecting a field of a second subgraph\n`,
  );
  const headers = Object.keys(rows[0] ?? {});
  console.log(`| ${headers.join(' | ')} |`);
  console.log(`| ${headers.map(() => '---').join(' | ')} |`);
  for (const row of rows)
    console.log(`| ${headers.map((h) => String(row[h as keyof typeof row])).join(' | ')} |`);
  for (const scenario of [shared, unshared]) {
    console.log(
      `\nsharing ${scenario.shareScope}: ${scenario.upstreamSubscriptions} upstream subscriptions on ${scenario.upstreamConnections} connections; ` +
        `gateway memory per 1,000 idle subscriptions: heap ${scenario.idleHeapKiBPer1000} KiB, RSS ${scenario.idleRssKiBPer1000} KiB`,
    );
  }
  const sustained = (phases: Phase[]) =>
    Math.max(
      0,
      ...phases
        .filter((p) => p.deliveries >= 0.98 * p.expectedDeliveries && p.p99Ms < 1000)
        .map((p) => p.deliveriesPerSecond),
    );
  const summary = {
    benchmark: 'subscriptions',
    at: new Date().toISOString(),
    node: process.version,
    subscribers: SUBSCRIBERS,
    workspaces: WORKSPACES,
    target: {
      eventsPerSecond: TARGET_EVENTS_PER_SECOND,
      deliveriesPerSecond: TARGET_EVENTS_PER_SECOND * (SUBSCRIBERS / WORKSPACES),
    },
    maxSustainedDeliveriesPerSecond: {
      shared: sustained(shared.phases),
      unshared: sustained(unshared.phases),
    },
    scenarios: [shared, unshared],
    runtimeSeconds: round((Date.now() - started) / 1000),
  };
  console.log(
    `\nmost deliveries/s one gateway process sustained (all delivered, p99 < 1 s): shared ${summary.maxSustainedDeliveriesPerSecond.shared}, unshared ${summary.maxSustainedDeliveriesPerSecond.unshared}`,
  );
  const directory = path.resolve(import.meta.dirname, '../../bench-results');
  await mkdir(directory, { recursive: true });
  const body = `${JSON.stringify(summary, null, 2)}\n`;
  const file = path.join(directory, `subscriptions-${summary.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, body);
  await writeFile(path.join(directory, 'subscriptions-latest.json'), body);
  console.log(`\nwritten ${path.relative(process.cwd(), file)} (${summary.runtimeSeconds} s)`);
}

if (import.meta.main) await run();
