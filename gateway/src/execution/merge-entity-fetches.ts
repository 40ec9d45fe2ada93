import type { FetchNode } from '@apollo/query-planner';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  print,
  stripIgnoredCharacters,
  type VariableDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { SendFetch, SubgraphError } from './execute-plan.ts';

// Apollo's planner sends one request per entity fetch: for the benchmark query, 16 requests to four
// subgraphs, several of them to the same subgraph at the same moment (two inventory fetches for two
// lists of products, side by side in one Parallel node). Entity fetches of one request to one subgraph
// that start together (in the same turn of the event loop) are sent here as one operation, each under
// an alias of `_entities`, and its answer split back: fewer requests to parse, sign, send and read.

type Answer = Awaited<ReturnType<SendFetch>>;

interface Pending {
  fetch: FetchNode;
  variables: Record<string, unknown>;
  path: (string | number)[];
  resolve(answer: Answer): void;
  reject(error: unknown): void;
}

interface Parsed {
  operation: OperationDefinitionNode;
  entities: FieldNode;
  fragments: readonly FragmentDefinitionNode[];
}

/** Merged operations by the fetches they merge; a plan makes the same few combinations again and again. */
const merged = new LRUCache<string, { query: string } | { unmergeable: true }>({ max: 2000 });
const parsedFetches = new WeakMap<FetchNode, Parsed | null>();
const fetchIds = new WeakMap<FetchNode, number>();
let nextFetchId = 0;

/**
 * A `SendFetch` for one request that merges its entity fetches to one subgraph started in the same turn
 * of the event loop. Whatever could change an answer keeps the fetches apart: a fetch that is not an
 * entity fetch of a query, fragments of the same name that differ, or a merged answer without data
 * (then each fetch is sent again on its own, so one fetch's failure never becomes another's).
 */
export function mergeEntityFetches(send: SendFetch): SendFetch {
  let pending = new Map<string, Pending[]>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batches = pending;
    pending = new Map();
    for (const batch of batches.values()) {
      if (batch.length === 1) forward(send, batch[0] as Pending);
      else void sendMerged(send, batch);
    }
  };

  return (fetch, variables, path) => {
    if (!fetch.requires || fetch.operationKind !== 'query' || parsedFetch(fetch) === null) {
      return send(fetch, variables, path);
    }
    return new Promise<Answer>((resolve, reject) => {
      const batch = pending.get(fetch.serviceName);
      const item = { fetch, variables, path, resolve, reject };
      if (batch) batch.push(item);
      else pending.set(fetch.serviceName, [item]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  };
}

function forward(send: SendFetch, item: Pending) {
  send(item.fetch, item.variables, item.path).then(item.resolve, item.reject);
}

async function sendMerged(send: SendFetch, batch: Pending[]) {
  const operation = mergedOperation(batch.map((item) => item.fetch));
  if (!operation) {
    for (const item of batch) forward(send, item);
    return;
  }
  const variables: Record<string, unknown> = Object.create(null);
  batch.forEach((item, index) => {
    for (const [name, value] of Object.entries(item.variables)) {
      variables[name === 'representations' ? `r${index}` : name] = value;
    }
  });
  const first = batch[0] as Pending;
  const { operationDocumentNode: _, ...rest } = first.fetch;
  const carrier: FetchNode = {
    ...rest,
    operation: operation.query,
    operationName: undefined,
    variableUsages: Object.keys(variables),
  };
  let answer: Answer;
  try {
    answer = await send(carrier, variables, first.path);
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  const data = answer.data;
  if (!data || batch.some((_, index) => !Object.hasOwn(data, `_${index}`))) {
    for (const item of batch) forward(send, item);
    return;
  }
  batch.forEach((item, index) => {
    const alias = `_${index}`;
    const errors = answer.errors
      ?.filter((error) => error.path === undefined || error.path[0] === alias || !isAlias(error.path[0]))
      .map(
        (error): SubgraphError =>
          error.path?.[0] === alias ? { ...error, path: ['_entities', ...error.path.slice(1)] } : error,
      );
    item.resolve({ data: { _entities: data[alias] }, ...(errors && errors.length > 0 ? { errors } : {}) });
  });
}

const isAlias = (element: unknown) => typeof element === 'string' && /^_\d+$/.test(element);

function parsedFetch(fetch: FetchNode): Parsed | null {
  let parsed = parsedFetches.get(fetch);
  if (parsed !== undefined) return parsed;
  parsed = null;
  try {
    const document = parse(fetch.operation, { noLocation: true });
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = operations[0];
    const entities = operation?.selectionSet.selections[0];
    if (
      operations.length === 1 &&
      operation &&
      operation.selectionSet.selections.length === 1 &&
      entities?.kind === Kind.FIELD &&
      entities.name.value === '_entities' &&
      !entities.alias
    ) {
      parsed = {
        operation,
        entities,
        fragments: document.definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        ),
      };
    }
  } catch {}
  parsedFetches.set(fetch, parsed);
  return parsed;
}

/** The text of one operation selecting each fetch's entities under `_<index>`, or undefined. */
function mergedOperation(fetches: FetchNode[]): { query: string } | undefined {
  const key = fetches.map(idOf).join(',');
  let entry = merged.get(key);
  if (!entry) {
    entry = buildMerged(fetches.map((fetch) => parsedFetch(fetch) as Parsed)) ?? { unmergeable: true };
    merged.set(key, entry);
  }
  return 'query' in entry ? entry : undefined;
}

function idOf(fetch: FetchNode): number {
  let id = fetchIds.get(fetch);
  if (id === undefined) {
    id = nextFetchId++;
    fetchIds.set(fetch, id);
  }
  return id;
}

function buildMerged(parts: Parsed[]): { query: string } | undefined {
  const variables = new Map<string, VariableDefinitionNode>();
  const fragments = new Map<string, { node: FragmentDefinitionNode; text: string }>();
  const selections: FieldNode[] = [];
  for (const [index, part] of parts.entries()) {
    for (const definition of part.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (name === 'representations') {
        variables.set(`r${index}`, {
          ...definition,
          variable: { ...definition.variable, name: { kind: Kind.NAME, value: `r${index}` } },
        });
      } else if (!variables.has(name)) {
        variables.set(name, definition);
      }
    }
    for (const fragment of part.fragments) {
      const text = print(fragment);
      const known = fragments.get(fragment.name.value);
      if (known && known.text !== text) return undefined;
      fragments.set(fragment.name.value, { node: fragment, text });
    }
    selections.push({
      ...part.entities,
      alias: { kind: Kind.NAME, value: `_${index}` },
      arguments: (part.entities.arguments ?? []).map((argument) =>
        argument.value.kind === Kind.VARIABLE && argument.value.name.value === 'representations'
          ? { ...argument, value: { ...argument.value, name: { kind: Kind.NAME, value: `r${index}` } } }
          : argument,
      ),
    });
  }
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: [...variables.values()],
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
      ...[...fragments.values()].map((fragment) => fragment.node),
    ],
  };
  return { query: stripIgnoredCharacters(print(document)) };
}
