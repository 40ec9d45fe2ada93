import { randomBytes, randomUUID } from 'node:crypto';
import { loadSupergraphSdl } from '@ionflux/schema';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

export type RootKind = 'query' | 'mutation' | 'subscription';

/** A root field of the composed supergraph, e.g. `Query.shopifyShop`. */
export interface RootField {
  kind: RootKind;
  /** `Query.shopifyShop`, `Mutation.setLlmQuota`, `Subscription.workspaceNotifications`. */
  coordinate: string;
  field: GraphQLField<unknown, unknown>;
}

/** Values the generator puts into arguments and input fields of these names (any depth). */
export type ValueCandidates = Readonly<Record<string, readonly unknown[]>>;

/** One operation on one root field, its variables, and the same with every known value swapped. */
export interface BuiltOperation {
  root: RootField;
  document: string;
  variables: Record<string, unknown>;
  /** The variables with each candidate value replaced by a fresh one of the same form (a decoy). */
  decoyVariables: Record<string, unknown>;
  /** The candidate values the variables carry (an answer may echo them). */
  supplied: unknown[];
}

export type BuildResult = { ok: true; operations: BuiltOperation[] } | { ok: false; reason: string };

/** The supergraph the gateway serves (`schema/supergraph.graphql`), parsed by graphql-js. */
export function loadSupergraphSchema(): GraphQLSchema {
  return buildSchema(loadSupergraphSdl());
}

/** Every root field of every operation type, in schema order. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const roots: [RootKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    type
      ? Object.values(type.getFields()).map((field) => ({
          kind,
          coordinate: `${type.name}.${field.name}`,
          field,
        }))
      : [],
  );
}

/** Most operations per root field (the cartesian product of candidates is cut there). @default 24 */
const MAX_OPERATIONS_PER_FIELD = 24;
/** Selection depth below the root field: enough to reach nested records, bounded for the cost limit. */
const SELECTION_DEPTH = 3;

interface Alternative {
  value: unknown;
  decoy: unknown;
  supplied: unknown[];
}
type Alternatives = Alternative[] | { unfillable: string };
const OMITTED: Alternative = { value: undefined, decoy: undefined, supplied: [] };

/**
 * How optional arguments and input fields without an ID are filled: left out (`minimal`), or given
 * the first value of their type (`full`), so that both the bare call and a fully specified one run.
 */
type FillMode = 'minimal' | 'full';

interface FillContext {
  candidates: ValueCandidates;
  mode: FillMode;
}

/**
 * Builds operations on a root field: each argument or input field whose name is in `candidates` takes
 * each candidate value in turn (an optional one is also left out once); an ID of any other name makes
 * the field unfillable, so a new field cannot slip by untested; other required arguments take a
 * default of their type (every value of an enum); optional ones are left out in one variant and filled
 * in another. The selection is every argument-free field down to a bounded depth.
 */
export function buildOperations(root: RootField, candidates: ValueCandidates): BuildResult {
  const operations = new Map<string, BuiltOperation>();
  for (const mode of ['minimal', 'full'] as const) {
    const built = buildInMode(root, { candidates, mode });
    if (!built.ok) return built;
    for (const operation of built.operations)
      operations.set(`${operation.document} ${JSON.stringify(operation.variables)}`, operation);
  }
  return { ok: true, operations: [...operations.values()].slice(0, MAX_OPERATIONS_PER_FIELD) };
}

function buildInMode(root: RootField, context: FillContext): BuildResult {
  const perArgument: [string, GraphQLInputType, Alternative[]][] = [];
  for (const arg of root.field.args) {
    const alternatives = alternativesFor(arg.type, arg.name, `${root.coordinate}(${arg.name})`, context);
    if ('unfillable' in alternatives) return { ok: false, reason: alternatives.unfillable };
    perArgument.push([arg.name, arg.type, alternatives]);
  }
  const selection = selectionOf(root.field.type, 1);
  const combinations = cartesian(perArgument.map(([, , alternatives]) => alternatives)).slice(
    0,
    MAX_OPERATIONS_PER_FIELD,
  );
  const operations = combinations.map((combination): BuiltOperation => {
    const variables: Record<string, unknown> = {};
    const decoyVariables: Record<string, unknown> = {};
    const supplied: unknown[] = [];
    const definitions: string[] = [];
    const argumentList: string[] = [];
    combination.forEach((alternative, index) => {
      const [name, type] = perArgument[index] ?? ['', ''];
      if (alternative.value === undefined) return;
      definitions.push(`$${name}: ${String(type)}`);
      argumentList.push(`${name}: $${name}`);
      variables[name] = alternative.value;
      decoyVariables[name] = alternative.decoy;
      supplied.push(...alternative.supplied);
    });
    const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
    const call = argumentList.length > 0 ? `(${argumentList.join(', ')})` : '';
    const document = `${root.kind} Probe_${root.field.name}${header} { ${root.field.name}${call}${selection} }`;
    return { root, document, variables, decoyVariables, supplied };
  });
  return { ok: true, operations };
}

function alternativesFor(
  type: GraphQLInputType,
  name: string,
  path: string,
  context: FillContext,
): Alternatives {
  const required = isNonNullType(type);
  const known = context.candidates[name];
  if (known && known.length > 0) {
    const listed = isListType(required ? type.ofType : type);
    const alternatives = known.map((value) => {
      const shaped = listed && !Array.isArray(value) ? [value] : value;
      return { value: shaped, decoy: decoyOf(shaped), supplied: Array.isArray(shaped) ? shaped : [shaped] };
    });
    return required ? alternatives : [...alternatives, OMITTED];
  }
  if (required) return requiredAlternatives(type.ofType, name, path, context);
  // An optional ID (anywhere inside) must still be fillable: a tenant id hidden in an optional argument
  // is exactly what the matrix is for.
  if (mentionsId(type, new Set())) {
    const alternatives = requiredAlternatives(type, name, path, context);
    return 'unfillable' in alternatives ? alternatives : [...alternatives, OMITTED];
  }
  if (context.mode === 'minimal') return [OMITTED];
  const alternatives = requiredAlternatives(type, name, path, context);
  return 'unfillable' in alternatives ? alternatives : alternatives.slice(0, 1);
}

function requiredAlternatives(
  type: GraphQLInputType,
  name: string,
  path: string,
  context: FillContext,
): Alternatives {
  if (isNonNullType(type)) return requiredAlternatives(type.ofType, name, path, context);
  if (isListType(type)) {
    const inner = alternativesFor(type.ofType, name, path, context);
    if ('unfillable' in inner) return inner;
    return inner.map((alternative) =>
      alternative.value === undefined
        ? { value: [], decoy: [], supplied: [] }
        : { value: [alternative.value], decoy: [alternative.decoy], supplied: alternative.supplied },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const perField: [string, Alternative[]][] = [];
    for (const field of fields) {
      const alternatives = alternativesFor(field.type, field.name, `${path}.${field.name}`, context);
      if ('unfillable' in alternatives) return alternatives;
      perField.push([field.name, alternatives]);
    }
    return cartesian(perField.map(([, alternatives]) => alternatives))
      .slice(0, MAX_OPERATIONS_PER_FIELD)
      .map((combination) => {
        const value: Record<string, unknown> = {};
        const decoy: Record<string, unknown> = {};
        const supplied: unknown[] = [];
        combination.forEach((alternative, index) => {
          const fieldName = perField[index]?.[0] ?? '';
          if (alternative.value === undefined) return;
          value[fieldName] = alternative.value;
          decoy[fieldName] = alternative.decoy;
          supplied.push(...alternative.supplied);
        });
        return { value, decoy, supplied };
      });
  }
  if (isEnumType(type)) return type.getValues().map((v) => ({ value: v.name, decoy: v.name, supplied: [] }));
  if (isScalarType(type)) {
    const value = defaultScalar(type.name);
    if (value === undefined) {
      return {
        unfillable:
          type.name === 'ID'
            ? `${path}: an ID argument named "${name}" has no candidate value`
            : `${path}: no default for the scalar ${type.name}`,
      };
    }
    return [{ value, decoy: value, supplied: [] }];
  }
  return { unfillable: `${path}: cannot fill ${String(type)}` };
}

function defaultScalar(scalar: string): unknown {
  switch (scalar) {
    case 'String':
      return 'security-probe';
    case 'Int':
      return 5;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date().toISOString();
    case 'Decimal':
      return '250.00';
    default:
      return undefined;
  }
}

function mentionsId(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'ID';
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => mentionsId(field.type, seen));
}

/** A value of the same form that names nothing that exists: a fresh UUID, gid, shop domain. */
export function decoyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decoyOf);
  if (typeof value !== 'string') return value;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return randomUUID();
  const gid = /^(gid:\/\/[^/]+\/[^/]+\/)\d+$/.exec(value);
  if (gid) return `${gid[1]}${900_000_000 + Math.floor(Math.random() * 99_999_999)}`;
  if (value.endsWith('.myshopify.com')) return `decoy-${randomBytes(4).toString('hex')}.myshopify.com`;
  return value;
}

/**
 * An operation on a root field taking every argument as a variable of the argument's own type, for
 * fuzzing the variables.
 */
export function variablesDocument(root: RootField): string {
  const definitions = root.field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const call = root.field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  const args = call.length > 0 ? `(${call.join(', ')})` : '';
  return `${root.kind} Fuzz_${root.field.name}${header} { ${root.field.name}${args}${selectionOf(root.field.type, 1)} }`;
}

/** Every argument-free field of the type down to `SELECTION_DEPTH`, as a selection set (or ''). */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    // A field with arguments computes (aiSummary calls an LLM): left out, so reads have no side effects.
    if (field.args.length > 0) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth < SELECTION_DEPTH) {
      const sub = selectionOf(field.type, depth + 1);
      if (sub) parts.push(`${field.name}${sub}`);
    }
  }
  return parts.length > 0 ? ` { ${parts.join(' ')} }` : ' { __typename }';
}

function cartesian<T>(lists: readonly T[][]): T[][] {
  return lists.reduce<T[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  );
}
