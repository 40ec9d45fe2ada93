import type { VariableDefinitions } from '@apollo/federation-internals';
import { assert, ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import {
  evaluateCondition,
  type FetchNode,
  type PlanNode,
  type QueryPlanSelectionNode,
} from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLSchema, Kind } from 'graphql';

// The query plan's execution as `executeQueryPlan` of @apollo/gateway (2.14.4) runs it: fetches in
// sequence or in parallel, entity representations built from the data merged so far, answers deep-
// merged into one tree, subgraph errors given the path of the field they belong to. Its semantics are
// kept exactly (the order of merges, which errors are pushed and how their paths are rebuilt); what
// is gone is per-request work that does not depend on the request (the operation rebuilt from the
// document, tracing spans, the trace protobuf nodes), and the copies of path arrays at every step.

type Data = Record<string, unknown>;
type Path = (string | number)[];

interface Cursor {
  path: (string | number)[];
  data: unknown;
  fullResult: Data;
}

/** Sends one fetch of the plan to its subgraph: the data source's `process`, or a sharing layer over it. */
export type SendFetch = (
  fetch: FetchNode,
  variables: Record<string, unknown>,
  cursorPath: Path,
) => Promise<{ data?: Data | null; errors?: readonly SubgraphError[] }>;

export interface SubgraphError {
  message?: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface PlanExecution {
  requestContext: GatewayGraphQLRequestContext;
  variableDefinitions: VariableDefinitions;
  supergraphSchema: GraphQLSchema;
  send: SendFetch;
  errors: GraphQLError[];
}

/** Runs `node` from the root; returns the merged, unshaped data. */
export async function executePlan(execution: PlanExecution, node: PlanNode): Promise<Data> {
  const data = Object.create(null) as Data;
  await executeNode(execution, node, { path: [], data, fullResult: data });
  return data;
}

async function executeNode(execution: PlanExecution, node: PlanNode, cursor: Cursor | undefined) {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten': {
      const data = flattenResultsAtPath(cursor.data, node.path, 0);
      await executeNode(
        execution,
        node.node,
        data ? { path: cursor.path.concat(node.path), data, fullResult: cursor.fullResult } : undefined,
      );
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        execution.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const condition = evaluateCondition(
        node,
        execution.variableDefinitions,
        execution.requestContext.request.variables,
      );
      const branch = condition ? node.ifClause : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      assert(false, '@defer support is not available in the gateway');
      return;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

async function executeFetch(execution: PlanExecution, fetch: FetchNode, cursor: Cursor) {
  const entities = Array.isArray(cursor.data)
    ? (cursor.data as Data[]).filter((entity) => entity !== null && entity !== undefined)
    : [cursor.data as Data];
  if (entities.length < 1) return;
  const variables = Object.create(null) as Record<string, unknown>;
  if (fetch.variableUsages) {
    const provided = execution.requestContext.request.variables;
    for (const name of fetch.variableUsages) {
      if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) {
        variables[name] = provided[name];
      }
    }
  }
  const { supergraphSchema } = execution;
  if (!fetch.requires) {
    const received = await sendOperation(execution, fetch, variables, cursor);
    if (received) applyRewrites(supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const representations: Data[] = [];
  const representationToEntity: number[] = [];
  entities.forEach((entity, index) => {
    const representation = executeSelectionSet(supergraphSchema, entity, fetch.requires ?? []);
    if (representation?.['__typename']) {
      applyRewrites(supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  });
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);
  const received = await sendOperation(execution, fetch, { ...variables, representations }, cursor);
  if (!received) return;
  const receivedEntities = received['_entities'];
  if (!(receivedEntities && Array.isArray(receivedEntities))) {
    throw new Error(`Expected "data._entities" in response to be an array`);
  }
  if (receivedEntities.length !== representations.length) {
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  }
  for (let i = 0; i < representations.length; i++) {
    const receivedEntity = receivedEntities[i] as Data | null | undefined;
    const existing = entities[representationToEntity[i] as number] as Data;
    if (receivedEntity && !receivedEntity['__typename'])
      receivedEntity['__typename'] = existing['__typename'];
    applyRewrites(supergraphSchema, fetch.outputRewrites, receivedEntity as Data);
    deepMerge(existing, receivedEntity);
  }
}

async function sendOperation(
  execution: PlanExecution,
  fetch: FetchNode,
  variables: Record<string, unknown>,
  cursor: Cursor,
): Promise<Data | null | undefined> {
  const response = await execution.send(fetch, variables, cursor.path);
  if (response.errors) {
    const pathOf = lazyErrorPaths(fetch, cursor);
    for (const error of response.errors)
      execution.errors.push(downstreamServiceError(error, fetch.serviceName, pathOf));
  }
  return response.data;
}

/** The data source call Apollo makes for a fetch (`executeFetch` → `sendOperation`). */
export function processFetch(
  dataSource: GraphQLDataSource,
  requestContext: GatewayGraphQLRequestContext,
  fetch: FetchNode,
  variables: Record<string, unknown>,
  cursorPath: Path,
) {
  return dataSource.process({
    kind: 'incoming operation' as never,
    request: {
      query: fetch.operation,
      variables,
      ...(fetch.operationName ? { operationName: fetch.operationName } : {}),
    },
    incomingRequestContext: requestContext as never,
    context: requestContext.context,
    ...(fetch.operationDocumentNode ? { document: fetch.operationDocumentNode } : {}),
    pathInIncomingRequest: cursorPath as never,
  } as never);
}

function lazyErrorPaths(fetch: FetchNode, cursor: Cursor) {
  let hydrated: Path[] | undefined;
  return (errorPath: readonly (string | number)[] | undefined): Path | undefined => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursor.path, 0, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function generateHydratedPaths(parent: Path, path: Path, at: number, data: unknown, result: Path[]): void {
  if (data === null || data === undefined) return;
  const head = path[at];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    assert(Array.isArray(data), 'expected array when encountering `@`');
    for (let i = 0; i < data.length; i++) {
      parent.push(i);
      generateHydratedPaths(parent, path, at + 1, data[i], result);
      parent.pop();
    }
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      for (let i = 0; i < data.length; i++) {
        parent.push(i);
        generateHydratedPaths(parent, path, at, data[i], result);
        parent.pop();
      }
    } else if (Object.hasOwn(data as object, head)) {
      parent.push(head);
      generateHydratedPaths(parent, path, at + 1, (data as Data)[head], result);
      parent.pop();
    }
  } else {
    assert(false, `unknown path part "${head}"`);
  }
}

function downstreamServiceError(
  original: SubgraphError,
  serviceName: string,
  pathOf: (path: readonly (string | number)[] | undefined) => Path | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const { extensions } = original;
  const options = {
    originalError: original as Error,
    path: pathOf(original.path),
    extensions: { ...extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as never);
  if (!codeDef && extensions?.['code']) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** `flattenResultsAtPath` of executeQueryPlan.js, walking `path` from `at` instead of slicing it. */
function flattenResultsAtPath(value: unknown, path: readonly (string | number)[], at: number): unknown {
  if (at === path.length) return value;
  if (value === undefined || value === null) return value;
  const current = path[at];
  if (current === '@')
    return (value as unknown[]).flatMap((element) => flattenResultsAtPath(element, path, at + 1));
  assert(typeof current === 'string', () => `Unexpected ${typeof current} found in path`);
  assert(!Array.isArray(value), () => `Unexpected array in result for path element ${current}`);
  const data = value as Data;
  return flattenResultsAtPath(Object.hasOwn(data, current) ? data[current] : undefined, path, at + 1);
}

/** The representation of `source` for `requires` (`executeSelectionSet` of executeQueryPlan.js). */
function executeSelectionSet(
  schema: GraphQLSchema,
  source: Data | null,
  selections: readonly QueryPlanSelectionNode[],
): Data | null {
  if (source === null) return null;
  const result = Object.create(null) as Data;
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const responseName = selection.alias ?? selection.name;
      const sub = selection.selections;
      if (!Object.hasOwn(source, responseName) || source[responseName] === undefined) return null;
      const value = source[responseName];
      if (Array.isArray(value)) {
        result[responseName] = value.map((element) =>
          sub ? executeSelectionSet(schema, element, sub) : element,
        );
      } else if (sub) {
        result[responseName] = executeSelectionSet(schema, value as Data | null, sub);
      } else {
        result[responseName] = value;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || !source) continue;
      if (isObjectOfType(schema, source, selection.typeCondition)) {
        deepMerge(result, executeSelectionSet(schema, source, selection.selections));
      }
    }
  }
  return result;
}

const isObject = (value: unknown): value is Data =>
  value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);

/** `deepMerge` of @apollo/gateway's utilities, unchanged in what it does. */
export function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(target, key) && key in target) {
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: true,
        value: undefined,
        writable: true,
      });
    }
    const existing = target[key];
    if (existing && isObject(value)) {
      deepMerge(existing as Data, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i], value[i]);
        else existing[i] = value[i];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}
