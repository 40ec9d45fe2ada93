// `npm run bench -- overhead`: what a gateway adds to a query one subgraph answers alone
// (`{ me { id name username } }`, accounts), with 1 connection and with 50: the subgraph called directly,
// then through each gateway (pinned as in the federation benchmark). BENCH_OVERHEAD_DURATION_S sets the
// seconds per measurement (default 10); the federation benchmark's other settings apply.
import { printTable, writeResults } from './bench-report.ts';
import { benchSettings } from './federation/bench-settings.ts';
import { type Measurement, startBenchSystem } from './federation/bench-system.ts';
import { compareAnswers, postGraphQL } from './federation/compare-answers.ts';
import { gatewayVariants } from './federation/gateway-variants.ts';
import { describeMachine, waitForQuietMachine } from './federation/machine.ts';
import { runPreciseLoad } from './federation/run-precise-load.ts';

const QUERY = '{ me { id name username } }';
const round2 = (value: number) => Math.round(value * 100) / 100;

export async function run(): Promise<void> {
  const settings = benchSettings();
  const seconds = Number(process.env['BENCH_OVERHEAD_DURATION_S'] || 10);
  const selected = gatewayVariants.filter(
    (variant) => variant.id === 'apollo' || !settings.gateways || settings.gateways.includes(variant.id),
  );
  const system = await startBenchSystem(settings);
  const body = JSON.stringify({ query: QUERY });
  const rows: (Pick<Measurement, 'gateway' | 'connections' | 'requestsPerSecond' | 'p50Ms' | 'p99Ms'> & {
    failures: number;
    answer: string;
  })[] = [];
  try {
    const direct = system.subgraphUrls.accounts;
    const reference = await postGraphQL(direct, { query: QUERY });
    for (const connections of [1, 50]) {
      await runPreciseLoad(direct, body, { connections, seconds: settings.warmupSeconds });
      await waitForQuietMachine([], {
        maxBusyPercent: settings.quietBusyPercent,
        maxWaitSeconds: settings.quietMaxWaitSeconds,
      });
      const result = await runPreciseLoad(direct, body, { connections, seconds });
      rows.push({ gateway: 'direct', connections, ...result, answer: 'reference' });
    }
    for (const variant of selected) {
      const { gateway, url } = await system.startGateway(variant, settings.gatewayCpus);
      try {
        const checked = await system.check(url, QUERY, reference.body);
        for (const connections of [1, 50]) {
          const measurement = await system.measure(gateway, url, body, {
            connections,
            seconds,
            warmupSeconds: settings.warmupSeconds,
            round: 1,
            name: variant.id,
            precise: true,
          });
          rows.push({ ...measurement, answer: compareAnswers(reference.body, checked.body) });
        }
      } finally {
        await gateway.stop();
      }
    }
  } finally {
    await system.close();
  }
  const directP50 = (connections: number) =>
    rows.find((row) => row.gateway === 'direct' && row.connections === connections)?.p50Ms ?? Number.NaN;
  console.log(`\nGateway overhead: ${QUERY} (accounts alone), ${seconds} s per measurement\n`);
  printTable(
    rows.map((row) => ({
      path: row.gateway,
      connections: row.connections,
      'requests/s': Math.round(row.requestsPerSecond),
      'p50 ms': row.p50Ms,
      'p99 ms': row.p99Ms,
      'added p50 ms': row.gateway === 'direct' ? '' : round2(row.p50Ms - directP50(row.connections)),
      failures: row.failures,
      answer: row.answer,
    })),
  );
  const file = await writeResults('overhead', {
    benchmark: 'overhead',
    at: new Date().toISOString(),
    machine: describeMachine(),
    query: QUERY,
    seconds,
    rows,
  });
  console.log(`\nwritten ${file}`);
}

if (import.meta.main) await run();
