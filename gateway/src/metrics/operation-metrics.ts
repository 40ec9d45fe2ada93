import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@ionflux/kit/tracing';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { GatewayContext } from '../gateway-context.ts';

/** Label of requests refused before an operation was known (syntax, validation, limits). */
const UNKNOWN = 'unknown';

/**
 * Request rate and latency per operation, as an Apollo plugin. "Operation" is its type and its first
 * root field (`query/shopifyOrders`), both bounded by the supergraph, since an operation's name is
 * whatever the client sends and would make the label set unbounded. `outcome` is `success`, `error`
 * (an answer with errors) or `refused` (no operation ran: parse, validation or a limit).
 */
export function operationMetrics(registry: Registry): ApolloServerPlugin<GatewayContext> {
  const requests = new Counter({
    name: 'ionflux_graphql_requests_total',
    help: 'GraphQL operations answered by the gateway, by operation type, first root field and outcome',
    labelNames: ['operation_type', 'root_field', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ionflux_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to its answer, by operation type and first root field',
    labelNames: ['operation_type', 'root_field'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationType = UNKNOWN;
      let rootField = UNKNOWN;
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          operationType = operation.operation;
          const first = operation.selectionSet.selections.find((selection) => selection.kind === 'Field');
          // Validation passed, so the field exists in the supergraph: a bounded label.
          if (first?.kind === 'Field') rootField = first.name.value;
          // The request's span (tracing on) is named after the operation the same bounded way.
          trace.getActiveSpan()?.updateName(`${operationType} ${rootField}`);
        },
        async willSendResponse({ response, errors }) {
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          const outcome = operationType === UNKNOWN ? 'refused' : failed ? 'error' : 'success';
          const labels = { operation_type: operationType, root_field: rootField };
          requests.inc({ ...labels, outcome });
          duration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
