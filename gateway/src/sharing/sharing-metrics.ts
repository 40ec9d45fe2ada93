import { Counter, type Registry } from 'prom-client';

/** Counts what sharing saved: requests answered by another's execution, subgraph fetches not sent. */
export function createSharingMetrics(registry: Registry) {
  const requests = new Counter({
    name: 'ionflux_gateway_shared_requests_total',
    help: 'GraphQL requests answered with the answer of an identical request in flight (same document, variables, workspace and user)',
    registers: [registry],
  });
  const fetches = new Counter({
    name: 'ionflux_gateway_shared_subgraph_fetches_total',
    help: 'Subgraph fetches not sent because an identical one (same subgraph, body and caller) was in flight, by subgraph',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  return {
    sharedRequest: () => requests.inc(),
    sharedFetch: (subgraph: string) => fetches.inc({ subgraph }),
  };
}

export type SharingMetrics = ReturnType<typeof createSharingMetrics>;
