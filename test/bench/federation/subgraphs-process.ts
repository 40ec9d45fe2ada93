// The four benchmark subgraphs as a process of their own, driven over IPC by the benchmark: it reports
// its origin once listening, and answers `counts`, `reset` and `stop`.
import { startBenchmarkSubgraphs } from './benchmark-subgraphs.ts';
import type { SubgraphName } from './workload.ts';

// BENCH_SUBGRAPHS (comma-separated names) and BENCH_SUBGRAPHS_PORT serve a subset on a fixed port (tests
// that kill one subgraph and start it again).
const only = process.env['BENCH_SUBGRAPHS']?.split(',') as SubgraphName[] | undefined;
const subgraphs = await startBenchmarkSubgraphs({
  cacheAnswers: process.env['BENCH_SUBGRAPH_CACHE'] !== '0',
  port: Number(process.env['BENCH_SUBGRAPHS_PORT'] || 0),
  ...(only ? { only } : {}),
});
process.on('disconnect', () => process.exit(0));
process.on('message', async (request: { kind: string; id: number }) => {
  if (request.kind === 'counts') {
    process.send?.({ kind: 'counts', id: request.id, counts: subgraphs.counts() });
  } else if (request.kind === 'reset') {
    subgraphs.resetCounts();
    process.send?.({ kind: 'reset', id: request.id });
  } else {
    await subgraphs.close();
    process.send?.({ kind: 'stopped', id: request.id });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready', origin: subgraphs.origin, urls: subgraphs.urls });
