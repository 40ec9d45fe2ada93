import { operationFromDocument } from '@apollo/federation-internals';
import { type ApolloGateway, buildOperationContext } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { LRUCache } from 'lru-cache';
import { type GatewayInternals, gatewayInternals } from './apollo-gateway-internals.ts';
import { compileResultShaper, NotCompilable, type ResultShaper } from './compile-result-shaper.ts';
import { executePlan, type SendFetch } from './execute-plan.ts';
import { planHasNode } from './plan-has-node.ts';

/** How the compiled executor sends a plan's fetches; `sharing/` wraps the data sources with this. */
export type FetchSender = (
  internals: GatewayInternals,
  requestContext: GatewayGraphQLRequestContext,
) => SendFetch;

export interface CompiledGatewayOptions {
  /** Operations whose plan and shaper are kept (least recently used dropped). @default 1000 */
  maxOperations?: number;
  send: FetchSender;
  /** Whether Apollo may answer `Apollo-Query-Plan-Experimental` (its own executor then runs). */
  exposeQueryPlan: boolean;
}

interface CompiledOperation {
  internals: GatewayInternals;
  operationContext: ReturnType<typeof buildOperationContext>;
  /** Undefined: this operation runs on Apollo's own executor (introspection, @defer, subscriptions). */
  compiled?: { plan: QueryPlan; shaper: ResultShaper; variableDefinitions: VariableDefinitionsOf };
}

type VariableDefinitionsOf = ReturnType<typeof operationFromDocument>['variableDefinitions'];

/**
 * `ApolloGateway` with its executor replaced: each operation is planned once by the gateway's own
 * planner (same plans) and kept with a compiled shaper of its answer, then every request runs the plan
 * (`execute-plan.ts`) and the shaper (`compile-result-shaper.ts`), which do what `executeQueryPlan`
 * and `computeResponse` do, minus the per-request rebuilding of the operation. Loading, schema updates,
 * health checks and stop stay Apollo's; operations that need what only Apollo's executor does
 * (introspection, `@defer`, query plan exposure) still go to it.
 */
export interface CompiledGateway extends GatewayInterface {
  /**
   * Plans and compiles every operation of a validated document ahead of its first request (the
   * trusted documents at start), under the hash requests will carry; returns how many were planned.
   * Planning errors are thrown, as a request would get them.
   */
  warm(document: DocumentNode, queryHash: string): number;
  /** The API schema requests are validated against, once loaded. */
  schema(): GraphQLSchema | undefined;
}

export function compiledGateway(gateway: ApolloGateway, options: CompiledGatewayOptions): CompiledGateway {
  const operations = new LRUCache<string, CompiledOperation>({ max: options.maxOperations ?? 1000 });
  let apolloExecutor: GatewayExecutor | undefined;
  let internals: GatewayInternals | undefined;

  const currentInternals = (): GatewayInternals | undefined => {
    const fields = gateway as unknown as { apiSchema?: unknown };
    if (internals?.apiSchema !== fields.apiSchema) {
      internals = gatewayInternals(gateway);
      operations.clear();
    }
    return internals;
  };

  const compile = (
    document: DocumentNode,
    operationName: string | undefined,
    loaded: GatewayInternals,
    operationContext: ReturnType<typeof buildOperationContext>,
  ): CompiledOperation => {
    const request = { operationName };
    const entry: CompiledOperation = { internals: loaded, operationContext };
    if (operationContext.operation.operation === 'subscription') return entry;
    // As ApolloGateway plans: the operation of the document, then the planner (errors reach the client).
    const operation = operationFromDocument(loaded.apiSchema, document, {
      ...(request.operationName ? { operationName: request.operationName } : {}),
    });
    const plan = loaded.queryPlanner.buildQueryPlan(operation, loaded.planOptions);
    if (plan.node && planHasNode(plan.node, (kind) => kind === 'Defer' || kind === 'Subscription'))
      return entry;
    try {
      // As executeQueryPlan builds the operation it shapes the answer with.
      const shaped = operationFromDocument(
        loaded.apiSchema,
        executedDocument(operationContext.operation, operationContext.fragments),
        { validate: false },
      );
      entry.compiled = {
        plan,
        shaper: compileResultShaper(shaped),
        variableDefinitions: shaped.variableDefinitions,
      };
    } catch (error) {
      if (!(error instanceof NotCompilable) && !(error instanceof GraphQLError)) throw error;
    }
    return entry;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const loaded = currentInternals();
    const http = requestContext.request.http;
    if (!loaded || (options.exposeQueryPlan && http?.headers.get('apollo-query-plan-experimental'))) {
      return (apolloExecutor as GatewayExecutor)(requestContext);
    }
    const operationName = requestContext.request.operationName;
    const key = operationName ? `${requestContext.queryHash}\n${operationName}` : requestContext.queryHash;
    let entry = operations.get(key);
    const operationContext =
      entry?.operationContext ??
      buildOperationContext({
        schema: loaded.schema,
        operationDocument: requestContext.document,
        ...(operationName ? { operationName } : {}),
      });
    // Variables are checked before planning, as Apollo does (no plan is made for a refused request).
    const errors = variableErrors(operationContext, requestContext);
    if (errors) return { errors };
    if (!entry) {
      entry = compile(requestContext.document, operationName, loaded, operationContext);
      operations.set(key, entry);
    }
    if (!entry.compiled) return (apolloExecutor as GatewayExecutor)(requestContext);
    return run(entry.compiled, loaded, requestContext, options.send);
  };

  return {
    schema: () => currentInternals()?.schema,
    warm(document, queryHash) {
      const loaded = currentInternals();
      if (!loaded) return 0;
      let planned = 0;
      const single = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length === 1;
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const operationName = definition.name?.value;
        const operationContext = buildOperationContext({
          schema: loaded.schema,
          operationDocument: document,
          ...(operationName ? { operationName } : {}),
        });
        // Keyed as requests find it: with the operation name when the request names it.
        const entry = compile(document, operationName, loaded, operationContext);
        if (single) operations.set(queryHash, entry);
        if (operationName) operations.set(`${queryHash}\n${operationName}`, entry);
        planned++;
      }
      return planned;
    },
    async load(loadOptions) {
      const loaded = await gateway.load(loadOptions);
      apolloExecutor = loaded.executor;
      return { executor };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

function variableErrors(
  operationContext: ReturnType<typeof buildOperationContext>,
  requestContext: GatewayGraphQLRequestContext,
): readonly GraphQLError[] | undefined {
  const { variableDefinitions } = operationContext.operation;
  if (!variableDefinitions) return undefined;
  const { errors } = getVariableValues(
    operationContext.schema,
    variableDefinitions,
    requestContext.request.variables ?? {},
  );
  return errors && errors.length > 0 ? errors : undefined;
}

function executedDocument(
  operation: OperationDefinitionNode,
  fragments: Record<string, unknown>,
): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation, ...(Object.values(fragments) as never[])] };
}

/** `executeQueryPlan` after planning: run the plan, shape the answer, assemble the result as Apollo does. */
async function run(
  compiled: NonNullable<CompiledOperation['compiled']>,
  loaded: GatewayInternals,
  requestContext: GatewayGraphQLRequestContext,
  send: FetchSender,
): Promise<GatewayExecutionResult> {
  const errors: GraphQLError[] = [];
  const node = compiled.plan.node;
  const input =
    node && node.kind !== 'Subscription'
      ? await executePlan(
          {
            requestContext,
            variableDefinitions: compiled.variableDefinitions,
            supergraphSchema: loaded.supergraphSchema,
            send: send(loaded, requestContext),
            errors,
          },
          node,
        )
      : (Object.create(null) as Record<string, unknown>);
  let data: Record<string, unknown> | null;
  try {
    const shaped = compiled.shaper.shape(input, requestContext.request.variables);
    data = shaped.data;
    if (errors.length === 0 && shaped.errors.length > 0) {
      return { extensions: { valueCompletion: shaped.errors }, data };
    }
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error)
      return { errors: [new GraphQLError(error.message, { originalError: error })] };
    requestContext.logger.error(`Unexpected error during query plan execution: ${error}`);
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
  return errors.length === 0 ? { data } : { errors, data };
}
