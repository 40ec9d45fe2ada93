// The four benchmark subgraphs as a process of their own, driven over IPC by the benchmark: it reports
// its origin once listening, and answers `counts`, `reset` and `stop`.
import { startBenchmarkSubgraphs } from './benchmark-subgraphs.ts';

const subgraphs = await startBenchmarkSubgraphs({
  cacheAnswers: process.env['BENCH_SUBGRAPH_CACHE'] !== '0',
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
