// `npm run bench -- federation`: the public federation benchmark's workload (four subgraphs, the heavy
// TestQuery) through stock Apollo Gateway, Hive Gateway (defaults, --jit, and as the public benchmark
// runs it) and this gateway, each in its own process pinned to one core, alternated over rounds, every
// gateway's answer checked against stock Apollo's before it is measured. Settings: bench-settings.ts.
import { printTable, writeResults } from './bench-report.ts';
import { benchSettings } from './federation/bench-settings.ts';
import { type Measurement, startBenchSystem } from './federation/bench-system.ts';
import type { AnswerMatch } from './federation/compare-answers.ts';
import { type GatewayVariant, gatewayVariants } from './federation/gateway-variants.ts';
import { describeMachine } from './federation/machine.ts';
import { benchmarkQuery } from './federation/workload.ts';

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

export async function run(): Promise<void> {
  const settings = benchSettings();
  const started = Date.now();
  const selected = gatewayVariants.filter(
    (variant) => variant.id === 'apollo' || !settings.gateways || settings.gateways.includes(variant.id),
  );
  const system = await startBenchSystem(settings);
  const body = JSON.stringify({ query: benchmarkQuery });
  const measurements: Measurement[] = [];
  const answers: Record<string, AnswerMatch> = {};
  try {
    if (!system.pinning) console.warn('taskset is not available: gateways run unpinned');
    // Stock Apollo's answer is the reference every other gateway's must match.
    const apollo = selected[0] as GatewayVariant;
    const first = await system.startGateway(apollo, settings.gatewayCpus);
    const reference = await system.check(first.url, benchmarkQuery);
    await first.gateway.stop();
    if (reference.status !== 200 || JSON.parse(reference.body).errors) {
      throw new Error(
        `stock Apollo's answer is not a success: ${reference.status} ${reference.body.slice(0, 500)}`,
      );
    }
    console.log(`reference answer: ${reference.body.length} bytes`);

    for (let round = 1; round <= settings.rounds; round++) {
      for (const variant of selected) {
        const { gateway, url } = await system.startGateway(variant, settings.gatewayCpus);
        try {
          const checked = await system.check(url, benchmarkQuery, reference.body);
          answers[variant.id] = checked.match ?? 'DIFFERENT';
          if (checked.match === 'DIFFERENT') {
            console.error(
              `${variant.id}: answer differs from stock Apollo's; not measured:\n${checked.body.slice(0, 2000)}`,
            );
            continue;
          }
          const measurement = await system.measure(gateway, url, body, {
            connections: settings.connections,
            seconds: settings.seconds,
            warmupSeconds: settings.warmupSeconds,
            round,
            name: variant.id,
          });
          measurements.push(measurement);
          console.log(
            `round ${round} ${variant.id}: ${round1(measurement.requestsPerSecond)} req/s, p99 ${measurement.p99Ms} ms, ` +
              `${round1(measurement.foreignCpuPercent)} % foreign CPU, quiet ${measurement.quiet.quiet} ` +
              `(waited ${round1(measurement.quiet.waitedSeconds)} s)`,
          );
        } finally {
          await gateway.stop();
        }
      }
    }
  } finally {
    await system.close();
  }

  const apolloRps = mean(measurements.filter((m) => m.gateway === 'apollo').map((m) => m.requestsPerSecond));
  const summary = selected.flatMap((variant) => {
    const runs = measurements.filter((m) => m.gateway === variant.id);
    if (runs.length === 0) return [];
    const rps = runs.map((m) => m.requestsPerSecond);
    const row = {
      id: variant.id,
      gateway: variant.label,
      answer: answers[variant.id] ?? 'not run',
      rounds: runs.length,
      requestsPerSecond: round1(mean(rps)),
      requestsPerSecondRange: [round1(Math.min(...rps)), round1(Math.max(...rps))],
      p50Ms: runs.map((m) => m.p50Ms),
      p99Ms: runs.map((m) => m.p99Ms),
      cpuMsPerResponse: Math.round(mean(runs.map((m) => m.cpuMsPerResponse)) * 100) / 100,
      subgraphRequestsPerResponse:
        Math.round(mean(runs.map((m) => m.subgraphRequestsPerResponse)) * 100) / 100,
      foreignCpuPercent: round1(mean(runs.map((m) => m.foreignCpuPercent))),
      failures: runs.reduce((sum, m) => sum + m.failures, 0),
      ratioToApollo: Math.round((mean(rps) / apolloRps) * 100) / 100,
    };
    return [row];
  });
  console.log(
    `\nFederation benchmark: TestQuery, ${settings.connections} connections, ${settings.seconds} s x ${settings.rounds} rounds, ` +
      `gateway on CPU ${settings.gatewayCpus}${system.pinning ? '' : ' (unpinned)'}\n`,
  );
  printTable(
    summary.map((row) => ({
      gateway: row.gateway,
      'requests/s': `${row.requestsPerSecond} (${row.requestsPerSecondRange.join('-')})`,
      'p50 / p99 ms': `${row.p50Ms.join(', ')} / ${row.p99Ms.join(', ')}`,
      'CPU ms/response': row.cpuMsPerResponse,
      'subgraph req/response': row.subgraphRequestsPerResponse,
      'foreign CPU %': row.foreignCpuPercent,
      failures: row.failures,
      answer: row.answer,
      'x Apollo': row.ratioToApollo,
    })),
  );
  const file = await writeResults('federation', {
    benchmark: 'federation',
    at: new Date().toISOString(),
    machine: describeMachine(),
    settings: { ...settings, pinned: system.pinning },
    summary,
    measurements,
    runtimeSeconds: Math.round((Date.now() - started) / 1000),
  });
  console.log(`\nwritten ${file}`);
}

if (import.meta.main) await run();
