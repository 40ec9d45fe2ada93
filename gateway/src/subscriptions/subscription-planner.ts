import { operationFromDocument, type Schema, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { type FetchNode, type PlanNode, QueryPlanner } from '@apollo/query-planner';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  print,
} from 'graphql';
import { invalidSubscription } from './subscription-error.ts';

/** One subscription operation planned against one supergraph. */
export interface PlannedSubscription {
  /** Which supergraph it was planned on; a reload ends subscriptions planned on an older one. */
  generation: number;
  /** The subscription fetch to the owning subgraph, sent upstream once. */
  primary: FetchNode;
  /** The entity fetches to run for each event, when the operation selects fields of other subgraphs. */
  rest: PlanNode | undefined;
  /** The operation as the gateway executes it (`buildOperationContext` of `@apollo/gateway`). */
  operationContext: ReturnType<typeof buildOperationContext>;
  /** The normalised operation text: equal for operations that only differ in layout. */
  canonicalText: string;
  operation: OperationDefinitionNode;
}

/** The supergraph a plan is made against, with what `executeQueryPlan` needs beside the plan. */
export interface PlanningSupergraph {
  generation: number;
  apiSchema: GraphQLSchema;
  federationApiSchema: Schema;
  supergraphSchema: GraphQLSchema;
}

export interface SubscriptionPlanner {
  /** Rebuilds the query planner from a new supergraph (the gateway's `onSchemaLoadOrUpdate`). */
  update(coreSupergraphSdl: string, apiSchema: GraphQLSchema): PlanningSupergraph;
  current(): PlanningSupergraph | undefined;
  /** Plans a validated subscription document; throws a `GraphQLError` the client may see. */
  plan(document: DocumentNode, operation: OperationDefinitionNode, cacheKey: string): PlannedSubscription;
}

/** Plans kept per supergraph; a client population reuses a handful of operations. */
const MAX_CACHED_PLANS = 500;

/**
 * The gateway's own query planner, rebuilt beside it: `@apollo/gateway` keeps its planner private and
 * refuses to execute `Subscription` plans, so the engine plans with the same `QueryPlanner` over the same
 * supergraph and executes the parts itself.
 */
export function createSubscriptionPlanner(): SubscriptionPlanner {
  let state: (PlanningSupergraph & { planner: QueryPlanner }) | undefined;
  let cache = new Map<string, PlannedSubscription>();

  return {
    update(coreSupergraphSdl, apiSchema) {
      const supergraph = Supergraph.build(coreSupergraphSdl);
      state = {
        generation: (state?.generation ?? 0) + 1,
        apiSchema,
        federationApiSchema: supergraph.apiSchema(),
        supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
        planner: new QueryPlanner(supergraph),
      };
      cache = new Map();
      return state;
    },
    current: () => state,
    plan(document, operation, cacheKey) {
      if (!state) throw invalidSubscription('The gateway has not loaded its schema yet; retry shortly.');
      const cached = cache.get(cacheKey);
      if (cached) return cached;
      const operationName = operation.name?.value;
      const plan = state.planner.buildQueryPlan(
        operationFromDocument(state.federationApiSchema, document, operationName ? { operationName } : {}),
      );
      const node = plan.node;
      if (node?.kind !== 'Subscription') {
        throw new GraphQLError('The query planner did not produce a subscription plan for this operation.');
      }
      const planned: PlannedSubscription = {
        generation: state.generation,
        primary: node.primary,
        rest: node.rest,
        operationContext: buildOperationContext({
          schema: state.apiSchema,
          operationDocument: document,
          ...(operationName ? { operationName } : {}),
        }),
        canonicalText: print({
          kind: Kind.DOCUMENT,
          definitions: document.definitions.filter(
            (d) => d.kind === Kind.FRAGMENT_DEFINITION || d === operation,
          ),
        }),
        operation,
      };
      if (cache.size >= MAX_CACHED_PLANS) cache.delete(cache.keys().next().value as string);
      cache.set(cacheKey, planned);
      return planned;
    },
  };
}
