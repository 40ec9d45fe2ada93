import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { ErrorCode } from '@ionflux/kit/errors';
import type { Logger } from '@ionflux/kit/logging';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../gateway-context.ts';
import type { PlannedSubscription, PlanningSupergraph } from './subscription-planner.ts';

/** The service name of the synthetic primary fetch, which answers with the event instead of a subgraph. */
const EVENT_SOURCE = '__ionflux_subscription_event__';

export interface EventExecution {
  planned: PlannedSubscription;
  supergraph: PlanningSupergraph;
  /** The gateway's data sources by subgraph name, used for the entity fetches of `rest`. */
  dataSources: ReadonlyMap<string, GraphQLDataSource>;
  context: GatewayContext;
  variables: Record<string, unknown>;
  logger: Logger;
}

/** One `next` payload of the upstream subscription. */
export interface UpstreamEvent {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly GraphQLFormattedError[] | undefined;
  /** The subgraph's; read for `traceparent` (tracing), never passed on to clients. */
  extensions?: unknown;
}

type RequestContext = Parameters<typeof executeQueryPlan>[2];

/**
 * Turns one upstream event into the client's result: the plan's `rest` runs behind a primary fetch that
 * "returns" the event, so `executeQueryPlan` does the entity fetches (batched per subgraph), the merging
 * and the response shaping (aliases, `__typename`, fragments) exactly as it does for queries.
 */
export async function executeEvent(
  execution: EventExecution,
  event: UpstreamEvent,
): Promise<ExecutionResult> {
  const upstreamErrors = (event.errors ?? []).map(
    (error) =>
      new GraphQLError(error.message, {
        ...(error.path ? { path: error.path } : {}),
        extensions: { ...error.extensions },
      }),
  );
  const data = event.data;
  if (data == null) return { data: null, errors: upstreamErrors };

  const { planned, supergraph } = execution;
  const primary: FetchNode = { ...planned.primary, serviceName: EVENT_SOURCE };
  const node: PlanNode = planned.rest
    ? {
        kind: 'Sequence',
        nodes: [primary, ...(planned.rest.kind === 'Sequence' ? planned.rest.nodes : [planned.rest])],
      }
    : primary;
  const queryPlan: QueryPlan = { kind: 'QueryPlan', node };
  const eventSource: GraphQLDataSource = { process: async () => ({ data }) };
  const serviceMap: ServiceMap = Object.fromEntries(execution.dataSources);
  serviceMap[EVENT_SOURCE] = eventSource;

  const requestContext = {
    request: { query: planned.canonicalText, variables: execution.variables },
    context: execution.context,
    logger: execution.logger,
    metrics: {},
    document: { kind: 'Document', definitions: [planned.operation] },
    operation: planned.operation,
    operationName: planned.operation.name?.value ?? null,
    schema: supergraph.apiSchema,
    queryHash: '',
    source: planned.canonicalText,
  } as unknown as RequestContext;

  try {
    const result = await executeQueryPlan(
      queryPlan,
      serviceMap,
      requestContext,
      planned.operationContext,
      supergraph.supergraphSchema,
      supergraph.federationApiSchema,
    );
    const errors = [...upstreamErrors, ...(result.errors ?? []).map(asGraphQLError)];
    return { data: (result.data as ExecutionResult['data']) ?? null, ...(errors.length ? { errors } : {}) };
  } catch (error) {
    // executeQueryPlan throws plain Errors for fetch failures; graphql-ws needs GraphQLErrors (toJSON).
    return { data: null, errors: [...upstreamErrors, asGraphQLError(error)] };
  }
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(`A subgraph fetch for this event failed: ${message}`, {
    extensions: { code: ErrorCode.PROVIDER_UNAVAILABLE },
    ...(error instanceof Error ? { originalError: error } : {}),
  });
}
