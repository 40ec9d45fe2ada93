import { Histogram, type Registry } from 'prom-client';

/** Observes one subgraph fetch: its subgraph and whether it answered (`ok`) or failed (`error`). */
export type ObserveSubgraphFetch = (subgraph: string, seconds: number, outcome: 'ok' | 'error') => void;

/** `ionflux_gateway_subgraph_fetch_duration_seconds`: every fetch of a query plan or subscription event. */
export function subgraphFetchMetrics(registry: Registry): ObserveSubgraphFetch {
  const duration = new Histogram({
    name: 'ionflux_gateway_subgraph_fetch_duration_seconds',
    help: 'Latency of the gateway’s fetches to subgraphs (query plans and subscription events), by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (subgraph, seconds, outcome) => duration.observe({ subgraph, outcome }, seconds);
}
